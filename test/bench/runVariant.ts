// Runs one bench variant in a child process of its own, so its peak memory is its own, and reads the
// BENCH-RESULT line it prints.
import { spawn } from 'node:child_process';
import type { VariantResult } from './measure';

export async function runVariant(command: string, args: string[]): Promise<VariantResult> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
  if (exitCode !== 0 || line === undefined) {
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${exitCode}):\n${stderr.slice(-2000)}`);
  }
  return JSON.parse(line.slice('BENCH-RESULT '.length)) as VariantResult;
}

/**
 * Runs a plain command that prints no figures (the built CLI, the floor script) under reportPeak.mjs:
 * the wall time is this process's clock from spawn to exit, the peak RSS the child's own count.
 */
export async function runPlainNode(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<VariantResult> {
  const reporter = new URL('./reportPeak.mjs', import.meta.url).pathname;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reporter, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = Math.round(performance.now() - started);
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH-PEAK '));
  if (exitCode !== 0 || line === undefined) {
    throw new Error(`${[script, ...args].join(' ')} failed (exit ${exitCode}):\n${stderr.slice(-2000)}`);
  }
  const { peakRssMb } = JSON.parse(line.slice('BENCH-PEAK '.length)) as { peakRssMb: number };
  return { wallMs, peakRssMb, longestStallMs: 0, rows: 0 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
