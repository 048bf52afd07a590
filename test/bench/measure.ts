// What every bench variant reports about its own process: peak RSS (sampled, and the kernel's high-water
// mark) and the longest event-loop stall, measured with perf_hooks.monitorEventLoopDelay.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface VariantResult {
  wallMs: number;
  peakRssMb: number;
  longestStallMs: number;
  rows: number;
  /** Per-phase wall times, when the variant has phases. */
  phases?: Record<string, number>;
  /** Per-phase longest event-loop stall. */
  phaseStalls?: Record<string, number>;
  /** RSS before the work started (the app idle, its worker running), MB. */
  idleRssMb?: number;
  /** Per-phase peak RSS (sampled), MB. */
  phasePeaks?: Record<string, number>;
  /** Other figures a variant measures, by name (such as a file's size). */
  figures?: Record<string, number>;
}

/** The kernel's peak resident set of this process, in MB (VmHWM), or null off Linux. */
function highWaterMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

export async function measure(
  work: (phase: (name: string) => void) => Promise<number>,
): Promise<VariantResult> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let sampledPeak = process.memoryUsage.rss();
  let phasePeak = 0;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    sampledPeak = Math.max(sampledPeak, rss);
    phasePeak = Math.max(phasePeak, rss);
  }, 20);
  const phasePeaks: Record<string, number> = {};
  const phases: Record<string, number> = {};
  const phaseStalls: Record<string, number> = {};
  let longest = 0;
  const started = performance.now();
  let phaseStart = started;
  let phaseName: string | null = null;
  const phase = (name: string) => {
    const at = performance.now();
    if (phaseName !== null) {
      phases[phaseName] = Math.round(at - phaseStart);
      phaseStalls[phaseName] = Math.round(loop.max / 1e6);
      phasePeaks[phaseName] = Math.round(phasePeak / 2 ** 20);
      phasePeak = 0;
      longest = Math.max(longest, loop.max);
      loop.reset();
    }
    phaseName = name;
    phaseStart = at;
  };
  loop.enable();
  const rows = await work(phase);
  phase('done');
  const wallMs = performance.now() - started;
  loop.disable();
  clearInterval(sampler);
  const peakRssMb = Math.max(sampledPeak / 1024 / 1024, highWaterMb() ?? 0);
  return {
    wallMs: Math.round(wallMs),
    peakRssMb: Math.round(peakRssMb),
    longestStallMs: Math.round(longest / 1e6),
    rows,
    phases,
    phaseStalls,
    phasePeaks,
  };
}

/** A variant's child process prints its result as the last line, prefixed so the runner finds it. */
export function report(result: VariantResult): void {
  process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
}
