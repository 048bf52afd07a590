// Electron's package in node_modules, read without running its index.js (which would start a download
// on the spot): for the launcher, the demo and the tests that drive the real app.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronProgram, type ElectronPackage } from './electronCheck';

export function electronPackage(): ElectronPackage {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  let pathTxt: string | null;
  try {
    pathTxt = readFileSync(join(dir, 'path.txt'), 'utf8');
  } catch {
    pathTxt = null;
  }
  return { dir, pathTxt };
}

/** The path of Electron's program when it is installed, else null. */
export function installedElectron(env: NodeJS.ProcessEnv = process.env): string | null {
  return electronProgram(electronPackage(), env, existsSync);
}
