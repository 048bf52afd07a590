import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// The built page allows only its own scripts and styles. `npm run dev` needs inline scripts for
// React's hot reload, so only the development server gets a looser policy.
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
const DEV_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws:; base-uri 'none'; form-action 'none'; object-src 'none'";

function contentSecurityPolicy(): Plugin {
  let csp = STRICT_CSP;
  return {
    name: 'promo-exporter:csp',
    configResolved: (config) => {
      csp = config.command === 'serve' ? DEV_CSP : STRICT_CSP;
    },
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', csp),
  };
}

// npm links a package's bin as it is: the command line must be executable after every build.
function executableCli(): Plugin {
  return {
    name: 'promo-exporter:executable-cli',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (options.dir !== undefined && 'cli.js' in bundle) await chmod(resolve(options.dir, 'cli.js'), 0o755);
    },
  };
}

export default defineConfig({
  main: {
    plugins: [executableCli()],
    // The app's entry, the command line's (plain Node, the same services) and the code worker's thread.
    build: {
      rolldownOptions: {
        input: {
          index: resolve('main/shell/index.ts'),
          cli: resolve('main/cli/index.ts'),
          codeWorker: resolve('main/codeWorker/worker.ts'),
        },
      },
    },
  },
  preload: {
    // One CommonJS file: a sandboxed preload cannot load ES modules or other files.
    build: {
      rolldownOptions: {
        input: { index: resolve('main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: { rolldownOptions: { input: resolve('renderer/index.html') } },
    plugins: [react(), contentSecurityPolicy()],
  },
});
