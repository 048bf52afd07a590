// Whether Electron's own program is in node_modules, and what to tell a person when it could not be
// downloaded. Pure, so the decision is tested without a download; electronPackage.ts reads the disk
// and ensureElectron.ts runs the download.
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export interface ElectronPackage {
  /** node_modules/electron. */
  dir: string;
  /** The package's path.txt (the program's path inside dist/), or null before the first download. */
  pathTxt: string | null;
}

/** Where the program is, found the way node_modules/electron/index.js finds it, or null when absent. */
export function electronProgram(
  pkg: ElectronPackage,
  env: Env,
  exists: (path: string) => boolean,
): string | null {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const program = join(override, pkg.pathTxt ?? 'electron');
    return exists(program) ? program : null;
  }
  if (pkg.pathTxt === null) return null;
  const program = join(pkg.dir, 'dist', pkg.pathTxt);
  return exists(program) ? program : null;
}

/** The reason in the downloader's output: its first line, without the error's type or a stack. */
export function downloadFailure(output: string): string {
  const first = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  return first?.replace(/^[A-Za-z]*Error:\s*/, '') || 'the download stopped without saying why';
}

/** A few plain lines for a failed download: what failed, the two ways round it, what works without. */
export function downloadFailedMessage(reason: string, env: Env): string {
  const mirror = env.ELECTRON_MIRROR === '' ? undefined : env.ELECTRON_MIRROR;
  return [
    `Electron could not be downloaded, so the app cannot open (${reason}).`,
    mirror === undefined
      ? 'Its program (about 100 MB) comes from GitHub on the first start, and this network did not allow it.'
      : `Its program (about 100 MB) was asked of the mirror in ELECTRON_MIRROR, ${mirror}, which did not give it.`,
    'To get it another way, then run the same command again:',
    mirror === undefined
      ? "- from a mirror of Electron's releases: set ELECTRON_MIRROR, for example to https://mirror.example.com/electron/"
      : "- from a mirror of Electron's releases: check the address in ELECTRON_MIRROR",
    '- through a proxy: set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY, for example to http://proxy.example.com:8080',
    '  (GLOBAL_AGENT_HTTPS_PROXY, which older guides give, is not read by this version of Electron)',
    'The command line needs no Electron and works now: npm run build, then npx promo-exporter --help',
    '',
  ].join('\n');
}
