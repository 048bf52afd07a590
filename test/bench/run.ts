// `npm run bench`: a million codes from the simulator over real HTTP to a finished .xlsx, through the
// app's services, against what people would use instead, in the same run; then the page's figures in
// Chromium. Prints a table (medians of several runs, each variant in its own process) and saves the
// results as JSON under .artifacts/bench/. A benchmark, not a test: nothing here fails on a number.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEMO_TOKEN, EXPORT_ALL_PATH, startAltcraftSim } from '../altcraft-sim/server';
import type { VariantResult } from './measure';
import { median, runPlainNode, runVariant } from './runVariant';
import { runPageBench, type PageFigures, type TimeSplit } from './pageBench';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/**
 * `BENCH_ONLY=cli,floor,openpyxl,page` runs those sections alone (the machine may be shared); all by
 * default: app, cli, floor, openpyxl, sheetjs, exceljs, review, page.
 */
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()) ?? null;
const runs = (section: string) => ONLY === null || ONLY.includes(section);
const CLI = new URL('../../out/main/cli.js', import.meta.url).pathname;
const MILLION = 3; // the simulator's 1,000,000-code program
/** The in-memory exceljs baseline takes ~2 min and ~4 GB for a million: it runs once on 200,000 codes. */
const IN_MEMORY_CODES = 200_000;
const PYTHON = '/usr/bin/python3';
const TSX = ['--import', 'tsx'];
const here = (file: string) => new URL(file, import.meta.url).pathname;

interface Row {
  variant: string;
  codes: number;
  runs: number;
  wallMs: number;
  peakRssMb: number;
  longestStallMs: number | null;
  /** The .xlsx written, MB. */
  fileMb: number;
  note: string;
  phases: Record<string, number> | undefined;
}

const sim = await startAltcraftSim();
const work = await mkdtemp(join(tmpdir(), 'promo-bench-'));
const rows: Row[] = [];
const notes: string[] = [];

async function warmSimulator(loyaltyId: number): Promise<void> {
  // The simulator works out a big program's Content-Length on its first request: not part of any variant.
  const response = await fetch(`${sim.url}${EXPORT_ALL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: DEMO_TOKEN, loyalty_id: loyaltyId, format: 'json' }),
  });
  await response.arrayBuffer();
}

async function bench(
  variant: string,
  codes: number,
  runs: number,
  command: string,
  args: (target: string) => string[],
  note = '',
  plain: Record<string, string> | null = null,
): Promise<Row> {
  const results: VariantResult[] = [];
  const sizes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const target = join(work, `${variant.replace(/\W+/g, '-')}-${run}.xlsx`);
    // `plain`: a command that reports nothing itself, run under reportPeak.mjs with this environment.
    const result =
      plain === null
        ? await runVariant(command, args(target))
        : await runPlainNode(command, args(target), plain);
    sizes.push((await stat(target)).size / 2 ** 20);
    await rm(target, { force: true });
    process.stdout.write(
      `  ${variant} run ${run + 1}: ${(result.wallMs / 1000).toFixed(2)} s, ${result.peakRssMb} MB\n`,
    );
    results.push(result);
  }
  const row: Row = {
    variant,
    codes,
    runs,
    wallMs: median(results.map((r) => r.wallMs)),
    peakRssMb: median(results.map((r) => r.peakRssMb)),
    longestStallMs:
      command === PYTHON || plain !== null ? null : median(results.map((r) => r.longestStallMs)),
    fileMb: Math.round(median(sizes) * 10) / 10,
    note,
    phases: results[Math.floor(results.length / 2)]?.phases,
  };
  rows.push(row);
  return row;
}

function hasModule(name: string): boolean {
  try {
    execFileSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(name)})`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let page: PageFigures | null = null;
let review: VariantResult | null = null;
try {
  await warmSimulator(MILLION);
  await warmSimulator(1_000_000 + IN_MEMORY_CODES);
  console.log(`Benchmark: 1,000,000 codes, ${RUNS} runs each, median quoted.`);

  if (runs('cli')) {
    // The built command line, as a script or a scheduled job runs it: the download parsed as it arrives.
    await bench(
      'command line (node out/main/cli.js)',
      1_000_000,
      RUNS,
      CLI,
      (target) => ['export', '--base-url', sim.url, '--loyalty-id', String(MILLION), '--out', target],
      '',
      { ALTCRAFT_TOKEN: DEMO_TOKEN, TZ: 'Europe/Moscow' },
    );
  }
  if (runs('floor')) {
    await bench(
      'floor (fetch + JSON.parse + sheet XML + deflate)',
      1_000_000,
      RUNS,
      here('./baselines/floor.mjs'),
      (target) => [sim.url, String(MILLION), target],
      'one plain script, no zip container: the least work any exporter does',
      {},
    );
  }
  if (runs('app')) {
    await bench('app (fetch → worker parse → xlsx)', 1_000_000, RUNS, process.execPath, (target) => [
      ...TSX,
      here('./appPipeline.ts'),
      sim.url,
      String(MILLION),
      target,
    ]);
  }

  if (!runs('openpyxl')) {
    // skipped by BENCH_ONLY
  } else if (existsSync(PYTHON) && hasOpenpyxl()) {
    await bench('openpyxl write-only', 1_000_000, RUNS, PYTHON, (target) => [
      here('./baselines/openpyxl_write_only.py'),
      sim.url,
      String(MILLION),
      target,
    ]);
  } else {
    notes.push(
      'openpyxl: skipped, Debian python3-openpyxl is not installed (apt-get install python3-openpyxl).',
    );
  }

  if (!runs('sheetjs')) {
    // skipped by BENCH_ONLY
  } else if (hasModule('xlsx')) {
    await bench('SheetJS xlsx', 1_000_000, RUNS, process.execPath, (target) => [
      ...TSX,
      here('./baselines/sheetjs.ts'),
      sim.url,
      String(MILLION),
      target,
    ]);
  } else {
    notes.push('SheetJS: skipped, the `xlsx` package (0.18.5) is not installed.');
  }

  if (runs('exceljs')) {
    const inMemory = await bench(
      'exceljs in-memory Workbook',
      IN_MEMORY_CODES,
      1,
      process.execPath,
      (target) => [
        ...TSX,
        here('./baselines/exceljsInMemory.ts'),
        sim.url,
        String(1_000_000 + IN_MEMORY_CODES),
        target,
      ],
      `measured once on ${IN_MEMORY_CODES.toLocaleString('en')} codes; wall scaled ×${1_000_000 / IN_MEMORY_CODES} to a million, memory as measured`,
    );
    inMemory.wallMs = inMemory.wallMs * (1_000_000 / IN_MEMORY_CODES);
  }

  if (runs('review')) {
    console.log('  offline review (1,000,000 codes)…');
    review = await runVariant(process.execPath, ['--expose-gc', ...TSX, here('./reviewPipeline.ts')]);
  }

  if (runs('page')) {
    console.log('  page figures (Chromium, 1,000,000 codes)…');
    page = await runPageBench(sim.url, MILLION);
  }

  printTable();
  await save();
} finally {
  await sim.close();
  await rm(work, { recursive: true, force: true });
}

function printTable(): void {
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const find = (start: string) => rows.find((r) => r.variant.startsWith(start));
  const cli = find('command line');
  const app = find('app');
  const floor = find('floor');
  const openpyxl = find('openpyxl');
  // Ratios are against the command line when it ran (the figure), else the app pipeline.
  const reference = cli ?? app;
  console.log('');
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`,
  );
  console.log(
    `| variant | codes | wall (median) | peak RSS | longest stall | file | ${reference === cli ? 'CLI' : 'app'} ÷ this | note |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const ratio = reference === undefined ? '–' : (reference.wallMs / row.wallMs).toFixed(2);
    const stall = row.longestStallMs === null ? 'n/a' : `${row.longestStallMs} ms`;
    console.log(
      `| ${row.variant} | ${row.codes.toLocaleString('en')} | ${fmt(row.wallMs)} | ${row.peakRssMb} MB | ${stall} | ${row.fileMb} MB | ${ratio} | ${row.note} |`,
    );
  }
  for (const note of notes) console.log(`Note: ${note}`);
  if (review !== null) printReview(review);
  if (app?.phases !== undefined) console.log(`App phases (median run): ${JSON.stringify(app.phases)}`);
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log('');
  console.log('Targets:');
  if (cli !== undefined) {
    console.log(`  command line peak RSS ≤ 250 MB: ${cli.peakRssMb} MB ${met(cli.peakRssMb <= 250)}`);
    if (floor !== undefined) {
      const ratio = cli.wallMs / floor.wallMs;
      console.log(`  command line ≤ 1.0× the floor: ${ratio.toFixed(2)}× ${met(ratio <= 1)}`);
    }
    if (openpyxl !== undefined) {
      const ratio = cli.wallMs / openpyxl.wallMs;
      console.log(`  command line ≤ 0.15× openpyxl: ${ratio.toFixed(2)}× ${met(ratio <= 0.15)}`);
    }
  }
  if (app !== undefined) {
    console.log(`  app peak RSS ≤ 250 MB: ${app.peakRssMb} MB ${met(app.peakRssMb <= 250)}`);
    const stall = app.longestStallMs ?? 0;
    console.log(`  app main event loop stall ≤ 50 ms: ${stall} ms ${met(stall <= 50)}`);
  }
  const insightsMs = app?.phases?.insights;
  if (insightsMs !== undefined)
    console.log(
      `  insights (timeline, expiring) in the worker ≤ 300 ms: ${insightsMs} ms ${met(insightsMs <= 300)}`,
    );
  if (page !== null) {
    console.log(
      `  first rows painted ≤ 500 ms after the data: ${page.firstRowsMs} ms ${met(page.firstRowsMs <= 500)}`,
    );
    console.log(`  status filter ≤ 100 ms: ${page.statusFilterMs} ms ${met(page.statusFilterMs <= 100)}`);
    console.log(`    ${splitLine(page.statusFilterSplit)}`);
    console.log(`  search ≤ 100 ms: ${page.searchMs} ms ${met(page.searchMs <= 100)}`);
    console.log(`    ${splitLine(page.searchSplit)} (pause after typing: ${page.searchPauseMs} ms)`);
    console.log(`  sort ≤ 300 ms: ${page.sortMs} ms ${met(page.sortMs <= 300)}`);
    console.log(
      `  longest task while scrolling ≤ 50 ms: ${page.longestScrollTaskMs} ms ${met(page.longestScrollTaskMs <= 50)}`,
    );
  }
}

/** Opening a million-code workbook (in the code worker) and keeping a million-code snapshot. */
function printReview(result: VariantResult): void {
  const phase = (name: string) => result.phases?.[name] ?? 0;
  const stall = (name: string) => result.phaseStalls?.[name] ?? 0;
  console.log('');
  console.log('Offline review, 1,000,000 codes:');
  console.log(
    `  open workbook: ${(phase('open 1M workbook') / 1000).toFixed(2)} s, longest main-loop stall ${stall('open 1M workbook')} ms (≤ 50 ms: ${stall('open 1M workbook') <= 50 ? 'MET' : 'NOT MET'}), peak RSS ${result.peakRssMb} MB`,
  );
  const size = result.figures?.snapshotMb ?? 0;
  console.log(
    `  snapshot: ${size} MB (< 15 MB: ${size < 15 ? 'MET' : 'NOT MET'}), saved in ${phase('snapshot save')} ms, loaded in ${phase('snapshot load')} ms (< 1 s: ${phase('snapshot load') < 1000 ? 'MET' : 'NOT MET'})`,
  );
}

async function save(): Promise<void> {
  const dir = new URL('../../.artifacts/bench/', import.meta.url).pathname;
  await mkdir(dir, { recursive: true });
  const at = new Date().toISOString();
  const body = JSON.stringify(
    {
      at,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.versions.node,
      },
      runs: RUNS,
      rows,
      notes,
      page,
      review,
    },
    null,
    2,
  );
  await writeFile(join(dir, `bench-${at.replace(/[:.]/g, '-')}.json`), body);
  await writeFile(join(dir, 'latest.json'), body);
  console.log(`\nSaved to .artifacts/bench/latest.json`);
}

/** Where a page figure's time went; the bridge is the test harness's, not the app's. */
function splitLine(split: TimeSplit): string {
  if (split === null) return 'split: not measured';
  return (
    `page before the call ${split.pageBeforeCallMs} ms, test bridge ${split.bridgeMs} ms, ` +
    `main + worker ${split.mainAndWorkerMs} ms, page after the answer ${split.pageAfterAnswerMs} ms`
  );
}
