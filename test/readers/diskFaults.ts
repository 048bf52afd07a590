// Disk failures made for real, for the atomic-save tests. Tests run as root here, where chmod does not
// stop writes, so the faults come from the kernel instead: a tmpfs mounted read-only or tiny, and the
// immutable attribute (chattr +i). Each reports why it cannot be made rather than pretending.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function tryRun(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error instanceof Error ? error.message : String(error));
  }
}

/** Why a tmpfs cannot be mounted here, or null when it can (needs root or CAP_SYS_ADMIN). */
export const cannotMount: string | null = (() => {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  try {
    const failure = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    if (failure !== null) return `mount -t tmpfs is not permitted here (${failure})`;
    tryRun('umount', [probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** Why the immutable attribute cannot be set here, or null when it can (needs CAP_LINUX_IMMUTABLE). */
export const cannotChattr: string | null = (() => {
  if (process.platform !== 'linux') return 'chattr needs Linux';
  const probe = mkdtempSync(join(tmpdir(), 'chattr-probe-'));
  try {
    const failure = tryRun('chattr', ['+i', probe]);
    if (failure !== null) return `chattr +i is not permitted here (${failure})`;
    tryRun('chattr', ['-i', probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

export function mountTmpfs(folder: string, options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder]);
}

export function remountReadOnly(folder: string): void {
  execFileSync('mount', ['-o', 'remount,ro', folder]);
}

export function unmount(folder: string): void {
  tryRun('umount', [folder]);
}

export function setImmutable(path: string, immutable: boolean): void {
  execFileSync('chattr', [immutable ? '+i' : '-i', path]);
}
