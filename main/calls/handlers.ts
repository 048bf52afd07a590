// The main process's handler table: one function per call of the IPC contract, grouped by domain and
// written against injected services, so it runs the same under Electron, under the UI test harness
// and in tests.
import { codeCalls } from './codeCalls';
import { connectionCalls } from './connectionCalls';
import { exportCalls } from './exportCalls';
import { recentExportCalls } from './recentExportCalls';
import { reviewCalls } from './reviewCalls';
import type { HandlerDeps, Handlers } from './types';
import { windowCalls } from './windowCalls';

export type { CallContext, HandlerDeps, Handlers } from './types';

export function createHandlers<Fetched>(deps: HandlerDeps<Fetched>): Handlers {
  return {
    'app:ready': async (_, context) => {
      context.pageReady();
      return null;
    },
    'app:notices': async () => ({ settingsSetAside: deps.settings.setAsidePath }),
    ...connectionCalls(deps),
    ...codeCalls(deps),
    ...exportCalls(deps),
    ...reviewCalls(deps),
    ...recentExportCalls(deps),
    ...windowCalls(deps),
  };
}
