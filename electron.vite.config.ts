import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { build } from 'vite';
import { DEVELOPMENT_CSP, PAGE_CSP } from './app/contentSecurityPolicy';

// The built page allows only its own scripts and styles; the development server gets a looser policy
// for React's hot reload (app/contentSecurityPolicy.ts).
function contentSecurityPolicy(): Plugin {
  let csp = PAGE_CSP;
  return {
    name: 'promo-exporter:csp',
    configResolved: (config) => {
      csp = config.command === 'serve' ? DEVELOPMENT_CSP : PAGE_CSP;
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

// The code worker runs as one CommonJS file with every package inlined: inside the installed app.asar,
// Electron loads a CommonJS worker from the archive (since 17.3), but nothing vouches for an ES module
// worker resolving shared chunks and bare packages there. So it is built apart from the main bundles,
// then added to their output, and a rebuild in watch mode happens only when one of its sources changed.
function selfContainedWorker(entry: string, fileName: string): Plugin {
  let code: string | null = null;
  let sources = new Set<string>();
  return {
    name: 'promo-exporter:self-contained-worker',
    apply: 'build',
    watchChange(id) {
      if (sources.has(id)) code = null;
    },
    async buildStart() {
      if (code === null) {
        const built = (await build({
          configFile: false,
          root: process.cwd(),
          logLevel: 'warn',
          // Inline every package; only Node's own modules stay `require`s.
          ssr: { target: 'node', noExternal: true },
          build: {
            ssr: entry,
            write: false,
            minify: false,
            rolldownOptions: { output: { format: 'cjs', codeSplitting: false, entryFileNames: fileName } },
          },
        })) as Rolldown.RolldownOutput;
        const [chunk] = built.output;
        code = chunk.code;
        sources = new Set(chunk.moduleIds.filter((id) => !id.startsWith('\0')));
      }
      for (const source of sources) this.addWatchFile(source);
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [executableCli(), selfContainedWorker(resolve('main/codeWorker/worker.ts'), 'codeWorker.cjs')],
    // The app's entry and the command line's (plain Node, the same services); the worker is built apart.
    build: {
      rolldownOptions: {
        input: {
          index: resolve('main/shell/index.ts'),
          cli: resolve('main/cli/index.ts'),
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
