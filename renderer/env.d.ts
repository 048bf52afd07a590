// The page's `window.promoExporter` type comes from the IPC contract itself, never kept by hand.
import type { PageApi } from '../app/ipcContract';

declare global {
  interface Window {
    promoExporter: PageApi;
  }
}
