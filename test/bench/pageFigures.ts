// The page's figures with a million codes: the built page in Debian's Chromium through the real
// handler table (test/support/appHarness.ts), timed inside the page with performance.now():
// - first rows painted: from the moment 'codes:fetch' answers (the data is available) to the first
//   frame after a code row is in the table;
// - status filter and search: from the click or the input event to the frame after the count changes
//   (search includes the page's own pause after typing, reported separately);
// - scrolling: the longest 'longtask' PerformanceObserver entry while the table scrolls.
// The filter and search figures are also split by where their time went: the page before its call
// goes out, the harness's bridge (page.exposeBinding through Playwright, which Electron's IPC does
// not have: the page's wait less the handling time seen in this process), the main process with the
// code worker, and the page after the answer until the frame after the count changed.
// Usage (needs a Secret Service, see pageBench.ts): node --import tsx pageFigures.ts <sim url> <loyalty id>
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { DEMO_TOKEN } from '../altcraft-sim/server';
import { openAppPage } from '../support/appHarness';
import { servePage } from '../support/pageServer';

/** The page's pause after typing: SEARCH_PAUSE_MS in renderer/hooks/useCodeView.ts (not importable here). */
const SEARCH_PAUSE_MS = 60;

const [simUrl, loyaltyArg] = process.argv.slice(2) as [string, string];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const dir = await mkdtemp(join(tmpdir(), 'promo-bench-page-'));
const server = await servePage();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names functions with an `__name` helper, which functions sent to page.evaluate then call.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const harness = await openAppPage(page, {
    pageUrl: server.url,
    dataDir: join(dir, 'data'),
    keychainService: `Promo Exporter bench ${randomUUID()}`,
  });
  try {
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.getByLabel('Name', { exact: true }).fill('Bench');
    await page.getByLabel('Altcraft address').fill(simUrl);
    await page.getByLabel('API token').fill(DEMO_TOKEN);
    await page.getByRole('button', { name: 'Save connection' }).click();
    await page.getByRole('complementary').getByRole('button', { name: 'Add program' }).click();
    await page
      .getByLabel('Loyalty program ID')
      .fill(loyaltyArg, { timeout: 15_000 })
      .catch(async (error: unknown) => {
        const shot = new URL('../../.artifacts/bench/page-failure.png', import.meta.url).pathname;
        await page.screenshot({ path: shot });
        throw error;
      });

    // Note when the page learns the fetch is done (the program's header shows the count), and when a
    // code row is first painted after that, polling every frame.
    await page.evaluate(() => {
      const state = window as unknown as Record<string, unknown>;
      const watch = () => {
        if (state.benchDataAt === undefined) {
          const facts = document.querySelector('.pane-title [role="status"]');
          if (facts !== null && /\d codes/.test(facts.textContent ?? ''))
            state.benchDataAt = performance.now();
        }
        const first = document.querySelector('.code-scroll [role="row"] .col-code');
        if (
          state.benchDataAt !== undefined &&
          first !== null &&
          first.textContent !== '…' &&
          first.textContent !== ''
        ) {
          requestAnimationFrame(() =>
            requestAnimationFrame(() => (state.benchPaintedAt = performance.now())),
          );
        } else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.getByRole('button', { name: 'Add and get codes' }).click();
    await page
      .waitForFunction(
        () => (window as unknown as Record<string, unknown>).benchPaintedAt !== undefined,
        null,
        {
          timeout: 60_000,
        },
      )
      .catch(async (error: unknown) => {
        const shot = new URL('../../.artifacts/bench/page-failure.png', import.meta.url).pathname;
        await page.screenshot({ path: shot });
        throw error;
      });
    const firstRowsMs = await page.evaluate(() => {
      const state = window as unknown as Record<string, number>;
      return (state.benchPaintedAt as number) - (state.benchDataAt as number);
    });

    // From here on, the page notes when each call leaves and when its answer arrives.
    await page.evaluate(() => {
      const state = window as unknown as Record<string, unknown>;
      const calls: { sentAt: number; answeredAt: number }[] = [];
      state.benchCalls = calls;
      const invoke = window.__promoExporterInvoke;
      window.__promoExporterInvoke = async (channel, arg) => {
        const sentAt = performance.timeOrigin + performance.now();
        const result = await invoke(channel, arg);
        calls.push({ sentAt, answeredAt: performance.timeOrigin + performance.now() });
        return result;
      };
    });

    /**
     * Runs `act` in the page and times until the "Showing … codes" line changes, plus one frame; and
     * splits that time by where it went, from the first call the action made.
     */
    const timeChange = async (act: string) => {
      const handledBefore = harness.callTimes.length;
      const inPage = await page.evaluate(async (action) => {
        const calls = (window as unknown as { benchCalls: { sentAt: number; answeredAt: number }[] })
          .benchCalls;
        calls.length = 0;
        const summary = () =>
          [...document.querySelectorAll('p, span, div')].find((e) => /^Showing \d/.test(e.textContent ?? ''))
            ?.textContent ?? '';
        const before = summary();
        const started = performance.now();
        new Function(action)();
        await new Promise<void>((resolve) => {
          const check = () => (summary() !== before ? resolve() : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const ms = performance.now() - started;
        const first = calls[0];
        return {
          ms,
          beforeCallMs: first === undefined ? null : first.sentAt - (performance.timeOrigin + started),
          waitMs: first === undefined ? null : first.answeredAt - first.sentAt,
        };
      }, act);
      const handled = harness.callTimes[handledBefore];
      const split =
        inPage.beforeCallMs === null || inPage.waitMs === null || handled === undefined
          ? null
          : {
              pageBeforeCallMs: Math.round(inPage.beforeCallMs),
              bridgeMs: Math.round(inPage.waitMs - (handled.answeredAt - handled.receivedAt)),
              mainAndWorkerMs: Math.round(handled.answeredAt - handled.receivedAt),
              pageAfterAnswerMs: Math.round(inPage.ms - inPage.beforeCallMs - inPage.waitMs),
            };
      return { ms: inPage.ms, split };
    };

    const statusFilter = await timeChange(
      `[...document.querySelectorAll('button')].find((b) => /^Expired/.test(b.textContent.trim())).click();`,
    );
    await timeChange(
      `[...document.querySelectorAll('button')].find((b) => /^All/.test(b.textContent.trim())).click();`,
    );
    const search = await timeChange(`
      const input = [...document.querySelectorAll('input')].find((i) => i.getAttribute('aria-label') === 'Search codes' || i.labels?.[0]?.textContent?.includes('Search codes'));
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '00424');
      input.dispatchEvent(new Event('input', { bubbles: true }));`);
    await timeChange(`
      const input = [...document.querySelectorAll('input')].find((i) => i.getAttribute('aria-label') === 'Search codes' || i.labels?.[0]?.textContent?.includes('Search codes'));
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));`);

    /** Runs `act` in the page and times until the first row's code changes, plus one frame. */
    const timeFirstRow = (act: string) =>
      page.evaluate(async (action) => {
        const first = () => document.querySelector('.code-scroll .code-row .col-code')?.textContent ?? '';
        const before = first();
        const started = performance.now();
        new Function(action)();
        await new Promise<void>((resolve) => {
          const check = () => (first() !== before ? resolve() : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return performance.now() - started;
      }, act);
    const sortByCode = `document.querySelector('.code-head .col-code .sort-button').click();`;
    // The first click sorts A→Z, which may be the order already; the second, Z→A, is timed: the first
    // row changes then. Each column's order is computed on its first use, so this is the cold figure.
    await page.evaluate((action) => new Function(action)(), sortByCode);
    await page.waitForSelector('.code-head .col-code[aria-sort="ascending"]');
    await page.waitForTimeout(1_000);
    const sortMs = await timeFirstRow(sortByCode);

    const longestScrollTaskMs = await page.evaluate(async () => {
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const scroller = document.querySelector('.code-scroll') as HTMLElement;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let step = 0; step < 120; step++) {
        scroller.scrollTop += 1_500;
        await frame();
      }
      for (const fraction of [0.25, 0.5, 0.75, 1, 0]) {
        scroller.scrollTop = scroller.scrollHeight * fraction;
        for (let i = 0; i < 10; i++) await frame();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      observer.disconnect();
      return longest;
    });

    const figures = {
      firstRowsMs: Math.round(firstRowsMs),
      statusFilterMs: Math.round(statusFilter.ms),
      statusFilterSplit: statusFilter.split,
      searchMs: Math.round(search.ms),
      searchSplit: search.split,
      searchPauseMs: SEARCH_PAUSE_MS,
      sortMs: Math.round(sortMs),
      longestScrollTaskMs: Math.round(longestScrollTaskMs),
    };
    process.stdout.write(`PAGE-RESULT ${JSON.stringify(figures)}\n`);
  } finally {
    await harness.close();
  }
} finally {
  await server.close();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
