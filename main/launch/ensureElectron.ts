// `npm start`, `npm run dev` and `npm run demo` run this first: it makes sure Electron's program is
// in node_modules, downloading it once if needed, and when that fails prints a few plain lines
// instead of the stack trace Electron's own installer ends with. Exit code 0: ready; 1: not there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { downloadFailedMessage, downloadFailure } from './electronCheck';
import { electronPackage, installedElectron } from './electronPackage';

if (installedElectron() === null) {
  console.log('Downloading Electron (about 100 MB, only this once)…');
  // Electron's own installer, as `require('electron')` would run it; its output is kept for the reason.
  const install = spawnSync(process.execPath, [join(electronPackage().dir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (install.status !== 0 || installedElectron() === null) {
    const reason =
      install.status === 0
        ? 'the download ended, but the program is not in node_modules/electron'
        : downloadFailure(install.stderr);
    process.stderr.write(downloadFailedMessage(reason, process.env));
    process.exit(1);
  }
}
