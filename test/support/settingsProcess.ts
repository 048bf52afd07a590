// A second process on the same settings folder, as the app and the command line are: run with
// `node --import tsx`. `add <dir> <label> <count>` opens the store, prints "ready", waits for a line
// on standard input (so two of them start together), then adds <count> connections at once.
// `hold <dir>` takes the settings lock, prints "locked" and keeps it until it is killed.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { withFileLock } from '../../main/services/settingsLock';
import { openSettingsStore, SETTINGS_FILE } from '../../main/services/settingsStore';

const [mode, dir, label = '', count = '0'] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: settingsProcess.ts add|hold <dir> [label count]');

if (mode === 'hold') {
  // The lock's own refresh timer does not keep a process alive; this does, until the test kills it.
  setInterval(() => undefined, 60_000);
  await withFileLock(join(dir, SETTINGS_FILE), () => {
    console.log('locked');
    return new Promise<never>(() => undefined);
  });
} else if (mode === 'add') {
  const store = await openSettingsStore(dir);
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once('line', resolve));
  lines.close();
  await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      store.update((s) => ({
        ...s,
        connections: [
          ...s.connections,
          { id: `${label}-${i}`, name: `${label} ${i}`, host: 'https://h', programs: [] },
        ],
      })),
    ),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
