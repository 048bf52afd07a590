// The page's Content-Security-Policy: the built page allows only its own scripts and styles and
// connects nowhere. The build writes it into the page's <meta> (electron.vite.config.ts) and the app's
// protocol sends it as a header too (main/shell/pageFiles.ts), so the page has it either way.
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/** `npm run dev` only: React's hot reload needs inline scripts and the development server's socket. */
export const DEVELOPMENT_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws:; base-uri 'none'; form-action 'none'; object-src 'none'";
