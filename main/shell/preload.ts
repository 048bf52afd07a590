// The page's only door to the main process: exactly the calls of the IPC contract, one function
// each, and `on()` for its events, returning an unsubscribe function. Never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { PageApi } from '../../app/ipcContract';
import { CALL_CHANNELS, EVENT_NAMES, PAGE_API_KEY } from '../../app/ipcContract';

const calls = Object.fromEntries(
  CALL_CHANNELS.map((channel) => [channel, (arg?: unknown) => ipcRenderer.invoke(channel, arg)]),
) as Omit<PageApi, 'on'>;

const on: PageApi['on'] = (event, listener) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const forward = (_event: IpcRendererEvent, payload: unknown) =>
    listener(payload as Parameters<typeof listener>[0]);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

const api: PageApi = { ...calls, on };

contextBridge.exposeInMainWorld(PAGE_API_KEY, api);
