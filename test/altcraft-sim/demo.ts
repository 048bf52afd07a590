// `npm run demo`: the bundled Altcraft simulator and the built app with a ready "Demo" connection,
// so a newcomer sees real exports without an Altcraft account. The app uses a separate profile.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { DEMO_TOKEN } from './programs';
import { startAltcraftSim } from './server';

const sim = await startAltcraftSim();
console.log(`Altcraft simulator: ${sim.url}`);

const electron = createRequire(import.meta.url)('electron') as unknown as string;
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
