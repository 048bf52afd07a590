// Demo mode (`npm run demo`): a separate profile with a ready "Demo" connection to the bundled
// Altcraft simulator, so a newcomer sees real exports without an Altcraft account.
import type { Connections } from './connections';
import type { SettingsStore } from './settingsStore';

export const DEMO_PROGRAMS = [
  { loyaltyId: 1, name: 'Welcome' },
  { loyaltyId: 2, name: 'Seasonal' },
  { loyaltyId: 3, name: 'Mass mailing' },
];

export async function seedDemoConnection(
  connections: Connections,
  settings: SettingsStore,
  host: string,
  token: string,
): Promise<void> {
  const existing = settings.get().connections.find((c) => c.name === 'Demo');
  if (existing !== undefined) {
    await connections.forget(existing.id);
  }
  const demo = await connections.add({ name: 'Demo', host, token });
  await settings.update((s) => ({
    ...s,
    connections: s.connections.map((c) =>
      c.id === demo.id
        ? { ...c, programs: DEMO_PROGRAMS.map((p) => ({ ...p, lastFetchedAt: null, lastCount: null })) }
        : c,
    ),
  }));
}
