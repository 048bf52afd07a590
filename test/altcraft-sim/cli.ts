// `npm run sim`: the Altcraft simulator on its own, for trying the app (or curl) without an Altcraft
// account. Port from `--port N`, else ALTCRAFT_SIM_PORT, else 8787. Stops on Ctrl+C / SIGTERM.
import { FAULTS, FAULT_PROGRAMS } from './faults';
import { BUILT_IN_PROGRAMS, SIZED_PROGRAM_BASE } from './programs';
import { DEMO_TOKEN, EXPORT_ALL_PATH, LIMITED_TOKEN, startAltcraftSim } from './server';

function portFrom(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.indexOf('--port');
  const inline = argv.find((arg) => arg.startsWith('--port='))?.slice('--port='.length);
  const raw = inline ?? (flag >= 0 ? argv[flag + 1] : undefined) ?? env.ALTCRAFT_SIM_PORT ?? '8787';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`altcraft-sim: "${raw}" is not a port number`);
    process.exit(2);
  }
  return port;
}

const sim = await startAltcraftSim({ port: portFrom(process.argv.slice(2), process.env) });

const programs = BUILT_IN_PROGRAMS.map(
  (p) => `  ${String(p.id).padEnd(8)} ${p.name} (${p.size.toLocaleString('en')} codes)`,
);
const faults = Object.entries(FAULT_PROGRAMS).map(([id, plan]) => {
  const times = plan.times === null ? '' : ` — the first ${plan.times} request(s), then the Welcome codes`;
  return `  ${id.padEnd(8)} ${plan.fault}: ${FAULTS[plan.fault]}${times}`;
});
console.log(
  [
    `Altcraft simulator listening on ${sim.url}`,
    `  endpoint: POST ${sim.url}${EXPORT_ALL_PATH}`,
    `  host for the app: ${sim.url}`,
    `  token: ${DEMO_TOKEN} (all programs)   ${LIMITED_TOKEN} (403 for every program)`,
    '',
    'Loyalty programs:',
    ...programs,
    `  ${SIZED_PROGRAM_BASE}+N  N generated codes (N < ${SIZED_PROGRAM_BASE.toLocaleString('en')})`,
    '',
    'Faults by program ID (or send the header X-Sim-Fault: <name> or flaky:<name>:<n>):',
    ...faults,
    '',
    'Ctrl+C to stop.',
  ].join('\n'),
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the simulator`);
  await sim.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
