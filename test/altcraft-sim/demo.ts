// `npm run demo`: the bundled Altcraft simulator and the built app with a ready "Demo" connection,
// so a newcomer sees real exports without an Altcraft account. The app uses a separate profile.
import { spawn } from 'node:child_process';
import { installedElectron } from '../../main/launch/electronPackage';
import { DEMO_TOKEN } from './programs';
import { startAltcraftSim } from './server';

// `npm run demo` has made sure of Electron first (main/launch/ensureElectron.ts), with plain words if
// it could not; require('electron') would instead start a download here and end in a stack trace.
const electron = installedElectron();
if (electron === null) {
  console.error('Electron is not installed: run "npm run demo", which downloads it first.');
  process.exit(1);
}

const sim = await startAltcraftSim();
console.log(`Altcraft simulator: ${sim.url}`);

const app = spawn(electron, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, PROMO_EXPORTER_DEMO_HOST: sim.url, PROMO_EXPORTER_DEMO_TOKEN: DEMO_TOKEN },
});
const stop = () => app.kill();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
app.on('exit', (code) => {
  void sim.close().then(() => process.exit(code ?? 0));
});
