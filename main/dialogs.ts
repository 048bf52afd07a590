// The native dialogs the handlers need, as an interface: the Electron shell shows real ones, the UI
// test harness answers them itself.

export interface SaveTargetRequest {
  /** A full path: the remembered folder and the suggested file name. */
  defaultPath: string;
  kind: 'xlsx' | 'csv';
}

export interface Dialogs {
  /** The chosen path, or null when the person cancelled. */
  chooseSaveTarget(request: SaveTargetRequest): Promise<string | null>;
}
