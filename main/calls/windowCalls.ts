// What the window shows, kept for the next start: the loyalty program selected last.
import type { HandlerDeps, HandlersOf } from './types';

type WindowCalls = 'window:rememberedProgram' | 'window:rememberProgram';

export function windowCalls(deps: Pick<HandlerDeps<unknown>, 'settings'>): HandlersOf<WindowCalls> {
  const { settings } = deps;
  return {
    'window:rememberedProgram': async () => settings.get().selectedProgram,
    'window:rememberProgram': async (program) => {
      const before = settings.get().selectedProgram;
      if (before?.connectionId !== program.connectionId || before.loyaltyId !== program.loyaltyId)
        await settings.update((s) => ({ ...s, selectedProgram: program }));
      return null;
    },
  };
}
