// The native dialogs and desktop services the handlers need, as interfaces: the Electron shell
// gives real ones, the UI test harness answers them itself.

export interface SaveTargetRequest {
  /** A full path: the remembered folder and the suggested file name. */
  defaultPath: string;
  kind: 'xlsx' | 'csv';
}

export interface Dialogs {
  /** The chosen path, or null when the person cancelled. */
  chooseSaveTarget(request: SaveTargetRequest): Promise<string | null>;
  /** The workbook the person chose to open, or null when they cancelled. */
  chooseWorkbookToOpen(request: { defaultPath: string }): Promise<string | null>;
}

/** The desktop's own handling of files: open with the default app, show in the file manager. */
export interface Desktop {
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}
