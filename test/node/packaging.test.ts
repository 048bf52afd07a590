// Packaging: electron-builder assembles the unpacked Linux app (the `dir` target that `npm run pack`
// makes) from the built bundles and electron-builder.yml, and this reads back what would ship.
//
// Electron's own binary cannot be downloaded here, so the app is assembled around a stand-in
// distribution: a folder holding an `electron` shell script, a LICENSE and a locale. electron-builder
// copies it, renames `electron` to the app's executable and flips the fuses in it; the script carries
// the fuse wire exactly as Electron's binary does (a sentinel, then version, length and one byte per
// fuse), so the flipped fuses are read back from the packed executable. Nothing reaches the network:
// no Electron download (electronDist), no native rebuild (--config.npmRebuild=false, see
// electron-builder.yml), npm offline, and electron-builder's cache in the test's folder.
import { extractAll, extractFile, getRawHeader } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeWorker } from '../../main/codeWorker/workerLibrary';
import { createAltcraftClient } from '../../main/services/altcraft/client';
import { DEMO_TOKEN, SIZED_PROGRAM_BASE } from '../altcraft-sim/programs';
import { dumpWorkbook, hasOpenpyxl } from '../readers/openpyxl';
import { listOf, useSimulator } from './altcraftHarness';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'out');
const BUILT_ENTRIES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

// How big the packed app (app.asar and what is unpacked beside it) may grow before someone should look
// at what crept in: about twice its size today.
const SIZE_BUDGET_MB = 30;

// The fuse wire of Electron's binary: a sentinel, the wire's version and length, then one ASCII byte
// per fuse ('1' on, '0' off) in FuseV1Options order, set as Electron ships them: runAsNode on,
// cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off,
// browser V8 snapshot off, file:// privileges on.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_FUSES = '10110001';

const sim = useSimulator();
let work: string;
let appDir: string;
let asarPath: string;
/** Every file in app.asar by its path inside it, with its header entry. */
let asarEntries: Map<string, AsarNode>;
let asarFiles: string[];

type AsarNode = { files?: Record<string, AsarNode>; size?: number; unpacked?: boolean; link?: string };

function filesIn(node: AsarNode, prefix = ''): [string, AsarNode][] {
  return Object.entries(node.files ?? {}).flatMap(([name, child]) =>
    child.files !== undefined
      ? filesIn(child, `${prefix}${name}/`)
      : [[`${prefix}${name}`, child] as [string, AsarNode]],
  );
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function makeStandInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho 'A stand-in for Electron: it cannot run the app.' >&2\nexit 1\n# `),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(`${SHIPPED_FUSES}\n`, 'latin1'),
  ]);
  await writeFile(join(dir, 'electron'), wire);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron’s licence.\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), 'stand-in locale\n');
}

/** The package each asar path belongs to (`zod`, `@fast-csv/format`), or null outside node_modules. */
function packageOf(path: string): string | null {
  const at = path.lastIndexOf('node_modules/');
  if (at === -1 || (at > 0 && path[at - 1] !== '/')) return null;
  const [scopeOrName = '', name = ''] = path.slice(at + 'node_modules/'.length).split('/');
  return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
}

type Lockfile = { packages: Record<string, { name?: string; dev?: boolean }> };

/** The names of the packages some runtime dependency needs, per package-lock.json (not `"dev": true`). */
async function runtimePackageNames(): Promise<Set<string>> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.dev !== true)
      .map(
        ([path, entry]) =>
          entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      ),
  );
}

beforeAll(async () => {
  for (const entry of BUILT_ENTRIES) {
    if (!(await exists(join(ROOT, entry)))) {
      throw new Error(
        `${entry} is missing: the packaging test packs the built app. Run \`npx electron-vite build\` first (npm test builds before the Node tests).`,
      );
    }
  }
  work = await mkdtemp(join(tmpdir(), 'promo-exporter-packaging-'));
  await makeStandInElectron(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  try {
    await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        `--${process.arch}`,
        '--publish',
        'never',
        '--projectDir',
        ROOT,
        `--config.electronDist=${join(work, 'electron-dist')}`,
        '--config.npmRebuild=false',
        `--config.directories.output=${output}`,
      ],
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
          ELECTRON_BUILDER_CACHE: join(work, 'cache'),
          npm_config_offline: 'true',
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        },
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`, {
      cause: error,
    });
  }
  const unpacked = (await readdir(output)).find((name) => /^linux-(.+-)?unpacked$/.test(name));
  if (unpacked === undefined) throw new Error(`electron-builder made no linux-unpacked folder in ${output}`);
  appDir = join(output, unpacked);
  asarPath = join(appDir, 'resources', 'app.asar');
  asarEntries = new Map(filesIn(getRawHeader(asarPath).header as AsarNode));
  asarFiles = [...asarEntries.keys()];
}, 150_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('the packed app (electron-builder dir target)', () => {
  it('holds exactly the built main, preload and page bundles, and a package.json whose main is among them', async () => {
    const built = (await filesUnder(OUT))
      .map((file) => relative(ROOT, file))
      .filter((f) => !f.endsWith('.map'));
    const packed = asarFiles.filter((file) => file.startsWith('out/'));
    expect(packed.sort()).toEqual(built.sort());
    expect(packed).toEqual(expect.arrayContaining(BUILT_ENTRIES));

    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.main).toBe('out/main/index.js');
    expect(asarFiles).toContain(manifest.main);
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('holds nothing else: no tests, no sources, no TypeScript, no .env', () => {
    const outsidePackages = asarFiles.filter((file) => !file.startsWith('node_modules/'));
    expect(outsidePackages.filter((file) => file !== 'package.json' && !file.startsWith('out/'))).toEqual([]);
    expect(asarFiles.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(asarFiles.filter((file) => /(^|\/)\.env(\.|$)/.test(file))).toEqual([]);
  });

  it('holds the runtime packages and none that is only for development', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const packed = new Set(asarFiles.map(packageOf).filter((name) => name !== null));
    const runtime = await runtimePackageNames();

    expect([...packed]).toEqual(expect.arrayContaining(Object.keys(manifest.dependencies)));
    expect([...packed].filter((name) => !runtime.has(name))).toEqual([]);
    // electron, react, vite, vitest, playwright, typescript, electron-builder…
    expect([...packed].filter((name) => name in manifest.devDependencies)).toEqual([]);
  });

  it("unpacks keytar's native module, and only it, next to app.asar", async () => {
    const binary = 'node_modules/keytar/build/Release/keytar.node';
    expect(asarEntries.get(binary)?.unpacked).toBe(true);
    expect([...asarEntries].filter(([, entry]) => entry.unpacked === true).map(([path]) => path)).toEqual([
      binary,
    ]);
    const unpackedDir = `${asarPath}.unpacked`;
    const onDisk = (await filesUnder(unpackedDir)).map((file) => relative(unpackedDir, file));
    expect(onDisk).toEqual([binary]);
    expect((await stat(join(unpackedDir, binary))).size).toBe(
      (await stat(join(ROOT, 'node_modules/keytar/build/Release/keytar.node'))).size,
    );
  });

  it('loads every package the main bundles import from the packed app', async () => {
    // The app, the command line and the worker share chunks, so read every bundle in out/main.
    const bundles = await readdir(join(OUT, 'main'), { recursive: true });
    const texts = await Promise.all(
      bundles.filter((f) => f.endsWith('.js')).map((f) => readFile(join(OUT, 'main', f), 'utf8')),
    );
    const main = texts.join('\n');
    const imported = [
      // Import statements start their line in the bundles; a "from" inside help text is not one.
      ...main.matchAll(
        /^\s*(?:import|export)\b[^\n]*?\bfrom\s*["']([^"'./][^"']*)["']|\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/gm,
      ),
    ]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((name) => !name.startsWith('node:') && name !== 'electron');
    expect(imported).toEqual(expect.arrayContaining(['keytar', 'ky', 'zod', 'yauzl', 'saxes']));

    // The packed app, extracted, with a probe beside the main bundle so imports resolve as its own do.
    const extracted = join(work, 'extracted');
    extractAll(asarPath, extracted);
    const probe = join(extracted, 'out', 'main', 'probe.mjs');
    await writeFile(
      probe,
      [...new Set(imported)].map((name) => `await import(${JSON.stringify(name)});`).join('\n') + '\n',
    );
    const failure = await run(process.execPath, [probe], { cwd: extracted }).then(
      () => '',
      (error: { stderr?: string }) => error.stderr ?? String(error),
    );
    expect(failure).toBe('');
  });

  it('runs the code worker from the packed app alone, with no node_modules, through the app’s own client', async () => {
    const worker = 'out/main/codeWorker.cjs';
    expect(asarEntries.get(worker)?.unpacked).not.toBe(true); // read from inside app.asar, not beside it
    if (!(await hasOpenpyxl())) throw new Error('python3-openpyxl is needed to read the workbook back.');

    // The worker file as app.asar holds it, in a folder where Node finds no package at all.
    const alone = join(work, 'worker-alone');
    extractAll(asarPath, alone);
    await rm(join(alone, 'node_modules'), { recursive: true, force: true });
    for (let dir = join(alone, 'out', 'main'); dir !== dirname(dir); dir = dirname(dir)) {
      expect(await exists(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
    }

    const library = startCodeWorker({ script: pathToFileURL(join(alone, worker)) });
    try {
      const options = { sleep: async () => undefined, connectTimeoutMs: 5_000, inactivityTimeoutMs: 5_000 };
      const request = { host: sim().url, token: DEMO_TOKEN, loyaltyId: SIZED_PROGRAM_BASE + 1_000 };
      const expected = listOf(await createAltcraftClient(options).exportAll(request)).map((c) => c.code);
      const staged = await createAltcraftClient({ ...options, readAnswers: library.readAnswers }).exportAll(
        request,
      );
      expect(await library.store('c', request.loyaltyId, staged, Date.now())).toMatchObject({ total: 1_000 });

      const target = join(work, 'from the packed worker.xlsx');
      const written = await library.writeWorkbook({
        target,
        host: sim().url,
        connectionId: 'c',
        programs: [{ loyaltyId: request.loyaltyId, name: 'Packed' }],
        filter: { status: null, search: '' },
        exportedAt: new Date(),
        timeZone: 'UTC',
        appVersion: '0.0.0-test',
        language: 'en',
      });
      expect(written.rows).toBe(1_000);
      const sheet = (await dumpWorkbook(target)).find((s) => s.name === 'Packed');
      expect(sheet?.rows.slice(1).map((row) => row[0]?.v)).toEqual(expected);
    } finally {
      await library.close();
    }
  });

  it("flips Electron's fuses in the packed executable as electron-builder.yml asks", async () => {
    const executable = join(appDir, 'promo-exporter');
    const wire = await getCurrentFuseWire(executable);
    const fuse = (option: FuseV1Options) => ({ 48: 'off', 49: 'on' })[wire[option] as number] ?? 'unknown';
    expect({
      runAsNode: fuse(FuseV1Options.RunAsNode),
      nodeOptions: fuse(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: fuse(FuseV1Options.EnableNodeCliInspectArguments),
      cookieEncryption: fuse(FuseV1Options.EnableCookieEncryption),
      asarIntegrityValidation: fuse(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: fuse(FuseV1Options.OnlyLoadAppFromAsar),
      fileProtocolExtraPrivileges: fuse(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      nodeOptions: 'off',
      inspectArguments: 'off',
      cookieEncryption: 'on',
      asarIntegrityValidation: 'on',
      onlyLoadAppFromAsar: 'on',
      // The page comes from app://promo-exporter/, never file://.
      fileProtocolExtraPrivileges: 'off',
    });
    // The one fuse the app leaves alone keeps Electron's setting.
    expect(fuse(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('off');
  });

  it('stays within its size budget, and prints the packed size', async () => {
    const asarBytes = (await stat(asarPath)).size;
    const unpacked = await filesUnder(`${asarPath}.unpacked`);
    const unpackedBytes = (await Promise.all(unpacked.map((file) => stat(file)))).reduce(
      (sum, s) => sum + s.size,
      0,
    );
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const packages = new Set(asarFiles.map(packageOf).filter((name) => name !== null)).size;
    console.log(
      `Packed app: app.asar ${mb(asarBytes)} MB (${asarFiles.length} files, ${packages} packages) + ` +
        `app.asar.unpacked ${mb(unpackedBytes)} MB = ${mb(asarBytes + unpackedBytes)} MB, Electron itself not counted`,
    );
    expect(asarBytes + unpackedBytes).toBeLessThan(SIZE_BUDGET_MB * 1024 * 1024);
  });
});
