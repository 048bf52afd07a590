import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Electronegativity (Doyensec's scanner for Electron misconfigurations) over the built app, as
// app.asar holds it: out/ (main, preload, page) and package.json. Every finding must be justified in
// test/support/electronegativity.json, and every justification must still match a finding. The
// scan is told the installed Electron version (the CLI's `-e`): a version it cannot detect is taken
// as 0.1.0, whose old defaults would make findings of their own or hide some.

const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number; column: number };
  properties?: { versionNumber?: string };
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
type Scan = (options: {
  input: string;
  isRelative: boolean;
  excludeFromScan: string[];
  /** The CLI's `-e <version>`. */
  electronVersionOverride: string;
}) => Promise<ScanResult>;
interface Config {
  excluded: { check: string; reason: string }[];
  justified: { check: string; file: string; sample: string; reason: string }[];
}

let config: Config;
let result: ScanResult;
let stage: string;
let installedElectron: string;
/** What the scanner warned about while it ran. */
const warnings: string[] = [];

beforeAll(async () => {
  const built = await stat(join(ROOT, 'out', 'main', 'index.js')).catch(() => null);
  if (built === null) throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  config = JSON.parse(
    await readFile(join(ROOT, 'test', 'support', 'electronegativity.json'), 'utf8'),
  ) as Config;
  installedElectron = (
    JSON.parse(await readFile(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  stage = await mkdtemp(join(tmpdir(), 'promo-exporter-electronegativity-'));
  await cp(join(ROOT, 'out'), join(stage, 'out'), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(stage, 'package.json'));
  // Electronegativity fetches fresh translations from the internet every run; the tests run
  // offline, so its HTTP client answers "not found" from here instead of trying.
  const gotPath = require.resolve('got', { paths: [require.resolve('@doyensec/electronegativity')] });
  const offline = () => Promise.resolve({ statusCode: 404, body: '' });
  require.cache[gotPath] = {
    exports: Object.assign(offline, { default: offline }),
  } as unknown as NodeJS.Module;
  // Its logger, to hear whether it had to guess the Electron version.
  const winston = require(
    require.resolve('winston', { paths: [require.resolve('@doyensec/electronegativity')] }),
  ) as { warn: (...args: unknown[]) => unknown };
  const warn = winston.warn;
  winston.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return warn.apply(winston, args);
  };
  const scan = require('@doyensec/electronegativity') as Scan;
  try {
    result = await scan({
      input: stage,
      isRelative: true,
      excludeFromScan: config.excluded.map((e) => e.check),
      electronVersionOverride: installedElectron,
    });
  } finally {
    winston.warn = warn;
  }
}, 120_000);

afterAll(async () => {
  if (stage !== undefined) await rm(stage, { recursive: true, force: true });
});

const justificationFor = (finding: Finding) =>
  config.justified.find(
    (j) => j.check === finding.id && j.file === finding.file && (finding.sample ?? '').includes(j.sample),
  );

describe('Electronegativity over the built app', () => {
  it('scanned the main process, the preload and the page without a parse error', () => {
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('finds nothing that is not justified in its config', () => {
    const unjustified = result.issues
      .filter((finding) => justificationFor(finding) === undefined)
      .map(
        (f) =>
          `${f.id} at ${f.file}:${f.location.line}: ${f.description} | ${(f.sample ?? '').slice(0, 120)}`,
      );
    expect(unjustified).toEqual([]);
  });

  it('has no justification left over from code that is gone', () => {
    const stale = config.justified.filter((j) => !result.issues.some((f) => justificationFor(f) === j));
    expect(stale).toEqual([]);
  });

  it('gives a reason for every justification and every excluded check', () => {
    for (const entry of [...config.justified, ...config.excluded])
      expect(entry.reason.length).toBeGreaterThan(40);
  });

  it('checked against the Electron version that is installed, never a guessed one', () => {
    expect(warnings.filter((w) => /Electron version/i.test(w))).toEqual([]);
    const reported = result.issues.find((f) => f.id === 'ELECTRON_VERSION_JSON_CHECK')?.properties
      ?.versionNumber;
    expect(reported).toBe(installedElectron);
  });
});
