/**
 * The bench's import measurement: a user's table through the explore page's real file input, for the
 * 5,000-row fixture and synthetic tables of 100,000 rows (the row limit) and 500,000 rows (over the 30 MB
 * limit: refused before reading). Per table, each run in a fresh browser context (fresh IndexedDB):
 *  - toCheckMs: the file set (its change event) → the check's summary (decode, parse, map headers, resolve
 *    every place, validate every row); or toRefusalMs: → the refusal in .import-status (text kept once);
 *  - toMapMs = storeMs + bootMs: the click on "import" → the reloaded page's navigation start (the layer
 *    stored in IndexedDB) → window.__atlas.ready there (its mapIdleAt, set just before ready); firstViewMs:
 *    navigation start → its first view;
 *  - longestTaskMs: the longest main-thread task between setting the file and the summary (or refusal);
 *  - pageHeapMB: the page's peak JS heap (CDP Performance.getMetrics JSHeapUsedSize, sampled every 250 ms
 *    from setting the file to ready after the reload; the worker's isolate is not in it), and that peak split
 *    into the import (file set → click) and the boot (click → ready); rendererPeakRssMB: the
 *    peak resident memory (VmHWM) of the renderer processes that appeared for the run's context, which hold
 *    the page and its worker (the peak over the process's life, its first load included);
 *  - where: the dialog's data-runs ("worker" or "page").
 * And the gazetteer the dialog fetches, raw and gzip. Measured, never asserted.
 *
 *   npx tsx scripts/bench-import.ts [runs] [--sizes 5000,100000,500000]   (serves dist/, prints the JSON)
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { ROOT, launchBrowser, startPreview } from '../tests/e2e/harness.ts';
import { syntheticTableCsv } from './synthetic-table.ts';

export const IMPORT_SIZES = [5000, 100_000, 500_000] as const;
/** Runs per size: the caller's for the fixture, at most these for the large tables (a refusal is quick). */
const MAX_RUNS: Record<number, number> = { 100_000: 3, 500_000: 2 };
const IMPORT_DIR = join(ROOT, 'bench', 'tmp', 'import');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'import', 'rows-5000.csv');
/** Part of the zh refusal (import.too-large.bytes / .rows). */
const REFUSAL_MARK = '超过一次导入的上限';
const SAMPLE_MS = 250;
const TIMEOUT = 300_000;

export interface Series {
  median: number;
  runs: number[];
}
/** A measure that may be missing in a run; `note` says why. */
export interface MaybeSeries {
  median: number | null;
  runs: (number | null)[];
  note?: string;
}

export interface ImportSize {
  rows: number;
  bytes: number;
  runs: number;
  /** The dialog's data-runs in every run, distinct values joined with ",". */
  where: string;
  toCheckMs?: Series;
  toRefusalMs?: Series;
  refusal?: string;
  toMapMs?: Series;
  storeMs?: Series;
  bootMs?: Series;
  firstViewMs?: MaybeSeries;
  longestTaskMs: Series;
  pageHeapMB: MaybeSeries;
  pageHeapImportMB: MaybeSeries;
  pageHeapBootMB?: MaybeSeries;
  rendererPeakRssMB: MaybeSeries;
}

export interface ImportBench {
  gazetteer: { raw: number; gzip: number };
  sizes: ImportSize[];
}

/** One run's figures. */
interface Run {
  where: string;
  refusal: string | null;
  endMs: number;
  longestTaskMs: number;
  commit: { storeMs: number; bootMs: number; firstViewMs: number | null } | null;
  memory: Peaks;
}

interface Peaks {
  pageHeapMB: number | null;
  pageHeapImportMB: number | null;
  pageHeapBootMB: number | null;
  pageNote?: string;
  rendererPeakRssMB: number | null;
  rendererNote?: string;
}

/** What the page records itself (see armPage). */
interface Marks {
  armedAt: number;
  changeAt: number | null;
  endAt: number | null;
  refusal: string | null;
  tasks: [number, number][];
}
type Win = Window & { __bench?: Marks };

export async function benchImport(browser: Browser, origin: string, runs: number, opts: { sizes?: readonly number[]; log?: (line: string) => void } = {}): Promise<ImportBench> {
  const log = opts.log ?? (() => {});
  const procs = await browser.newBrowserCDPSession().catch((e: unknown) => String(e));
  const sizes: ImportSize[] = [];
  try {
    for (const rows of opts.sizes ?? IMPORT_SIZES) {
      const file = tableFile(rows);
      const n = Math.min(runs, MAX_RUNS[rows] ?? runs);
      const results: Run[] = [];
      for (let i = 0; i < n; i++) {
        results.push(await oneRun(browser, origin, file, procs));
        log(`import ${rows} rows, run ${i + 1}/${n}: ${JSON.stringify(results.at(-1))}`);
      }
      sizes.push(summarize(rows, statSync(file).size, results));
    }
  } finally {
    if (typeof procs !== 'string') await procs.detach().catch(() => {});
  }
  const gz = readFileSync(join(ROOT, 'dist', 'data', 'gazetteer.json'));
  return { gazetteer: { raw: gz.length, gzip: gzipSync(gz).length }, sizes };
}

/** The table of `rows` rows: the committed fixture for 5,000, else a synthetic one in bench/tmp/import/. */
function tableFile(rows: number): string {
  if (rows === 5000) return FIXTURE;
  mkdirSync(IMPORT_DIR, { recursive: true });
  const file = join(IMPORT_DIR, `rows-${rows}.csv`);
  writeFileSync(file, syntheticTableCsv(rows));
  return file;
}

/** One import in a fresh context: open the dialog, set the file, wait for the check (or refusal), commit. */
async function oneRun(browser: Browser, origin: string, file: string, procs: CDPSession | string): Promise<Run> {
  const before = typeof procs === 'string' ? null : await rendererPids(procs);
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    await openDialog(page, origin);
    await page.evaluate(armPage, REFUSAL_MARK);
    const sampler = startSampling(page, typeof procs === 'string' || !before ? `no browser CDP session: ${procs}` : { procs, before });
    try {
      await page.setInputFiles('#import-file', file);
      const checked = await waitForCheck(page);
      let commit: Run['commit'] = null;
      if (checked.refusal == null) {
        sampler.boot();
        commit = await commitAndBoot(page);
      }
      return { ...checked, commit, memory: await sampler.stop() };
    } finally {
      await sampler.stop();
    }
  } finally {
    await ctx.close();
  }
}

/** The explore page ready and its import dialog open, the gazetteer fetched (the table's own work is measured, not that fetch). */
async function openDialog(page: Page, origin: string): Promise<void> {
  await page.goto(origin + '/');
  await page.waitForFunction(() => window.__atlas?.ready === true, null, { timeout: 60000 });
  const fetched = page.waitForResponse((r) => r.url().endsWith('/gazetteer.json'));
  await page.locator('.import-open').click();
  await page.locator('dialog.import-dialog[open]').waitFor();
  await fetched;
}

/**
 * In the page, before the file is set: long tasks observed, the file's change event, the moment the
 * check's summary or a refusal appears (a MutationObserver, no polling), and the click on "import"
 * (kept in sessionStorage, which the reloaded page still reads).
 */
function armPage(refusalMark: string): void {
  const marks: Marks = { armedAt: performance.now(), changeAt: null, endAt: null, refusal: null, tasks: [] };
  (window as Win).__bench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.querySelector('#import-file')!.addEventListener('change', () => (marks.changeAt = performance.now()), { once: true });
  const dialog = document.querySelector('dialog.import-dialog')!;
  // (No named inner functions here: tsx would wrap them in a helper the page does not have.)
  new MutationObserver(() => {
    if (marks.endAt != null) return;
    const status = dialog.querySelector('.import-status')?.textContent ?? '';
    if (dialog.querySelector('.import-summary')) marks.endAt = performance.now();
    else if (status.includes(refusalMark)) [marks.endAt, marks.refusal] = [performance.now(), status];
  }).observe(dialog, { subtree: true, childList: true, characterData: true });
  document.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('button.import-commit')) sessionStorage.setItem('__benchClickAt', String(performance.timeOrigin + performance.now()));
  }, true);
}

/** Until the summary or a refusal: its time from the change event, the longest task since the file was set, where the work ran. */
async function waitForCheck(page: Page): Promise<Pick<Run, 'where' | 'refusal' | 'endMs' | 'longestTaskMs'>> {
  try {
    await page.waitForFunction(() => (window as Win).__bench?.endAt != null, null, { timeout: TIMEOUT, polling: 100 });
  } catch (e) {
    const status = await page.locator('.import-status').textContent().catch(() => null);
    throw new Error(`no check summary or refusal: status "${status ?? ''}" (${String(e)})`);
  }
  const where = (await page.locator('dialog.import-dialog[data-runs]').getAttribute('data-runs', { timeout: 10000 })) ?? '';
  // A long task's entry is delivered once it has ended: give the one that drew the summary time to arrive.
  const m = await page.evaluate(() => new Promise<Marks>((done) => setTimeout(() => done((window as Win).__bench!), 200)));
  if (m.changeAt == null || m.endAt == null) throw new Error('the file input sent no change event');
  const during = m.tasks.filter(([start]) => start >= m.armedAt && start <= m.endAt!).map(([, d]) => d);
  return { where, refusal: m.refusal, endMs: m.endAt - m.changeAt, longestTaskMs: during.reduce((a, b) => Math.max(a, b), 0) };
}

/** Click "import" and wait for the reloaded page: click → its navigation start → ready (its mapIdleAt). */
async function commitAndBoot(page: Page): Promise<NonNullable<Run['commit']>> {
  const button = page.locator('button.import-commit');
  if (!(await button.isEnabled())) throw new Error(`the import button is disabled: ${await page.locator('.import-summary').textContent()}`);
  const loaded = page.waitForEvent('load', { timeout: TIMEOUT });
  await button.click();
  await loaded.catch(async (e: unknown) => {
    throw new Error(`no reload after the click: status "${await page.locator('.import-status').textContent().catch(() => '')}" (${String(e)})`);
  });
  const handle = await page.waitForFunction(
    () => {
      const a = window.__atlas;
      if (a?.ready !== true) return null;
      return { navAt: performance.timeOrigin, clickAt: Number(sessionStorage.getItem('__benchClickAt')), readyAt: a.mapIdleAt ?? performance.now(), viewAt: a.firstViewAt ?? null };
    },
    null,
    { timeout: TIMEOUT, polling: 100 },
  );
  const t = await handle.jsonValue();
  if (!t?.clickAt) throw new Error('the click on "import" was not recorded');
  return { storeMs: t.navAt - t.clickAt, bootMs: t.readyAt, firstViewMs: t.viewAt };
}

/** Samples every SAMPLE_MS until stop(), which takes a last sample (once: later calls return the same). */
function every(tick: () => Promise<void>): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await tick();
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  let last: Promise<void> | null = null;
  return () => {
    stopped = true;
    return (last ??= loop.then(tick));
  };
}

/** The page's JS heap and the run's renderers' peak RSS, sampled from now until stop(); boot() starts the heap's second phase. */
function startSampling(page: Page, renderers: { procs: CDPSession; before: Set<number> } | string): { boot(): void; stop(): Promise<Peaks> } {
  const heap = sampleHeap(page);
  const rss = typeof renderers === 'string' ? null : sampleRss(renderers.procs, renderers.before);
  let result: Promise<Peaks> | null = null;
  const stop = async (): Promise<Peaks> => {
    const [h, r] = await Promise.all([heap.stop(), rss ? rss.stop() : { mb: null, note: renderers as string }]);
    const peak = h.import == null && h.boot == null ? null : Math.max(h.import ?? 0, h.boot ?? 0);
    return { pageHeapMB: peak, pageHeapImportMB: h.import, pageHeapBootMB: h.boot, ...(h.note ? { pageNote: h.note } : {}), rendererPeakRssMB: r.mb, ...(r.note ? { rendererNote: r.note } : {}) };
  };
  return { boot: heap.boot, stop: () => (result ??= stop()) };
}

type Peak = { mb: number | null; note?: string };
type HeapPeaks = { import: number | null; boot: number | null; note?: string };

/** Max of JSHeapUsedSize (CDP Performance.getMetrics) per phase; the session is opened again if the reload detached it. */
function sampleHeap(page: Page): { boot(): void; stop(): Promise<HeapPeaks> } {
  let cdp: CDPSession | null = null;
  const peaks: { import: number | null; boot: number | null } = { import: null, boot: null };
  let phase: 'import' | 'boot' = 'import';
  let error = '';
  const tick = async () => {
    try {
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
      }
      const at = phase;
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used == null) throw new Error('no JSHeapUsedSize in Performance.getMetrics');
      peaks[at] = Math.max(peaks[at] ?? 0, used);
    } catch (e) {
      error = String(e);
      cdp = null;
    }
  };
  const stop = every(tick);
  return {
    boot: () => void (phase = 'boot'),
    stop: async () => {
      await stop();
      const note = peaks.import == null || (phase === 'boot' && peaks.boot == null) ? `no heap sample in a phase: ${error || 'none taken'}` : undefined;
      return { import: peaks.import == null ? null : mb(peaks.import), boot: peaks.boot == null ? null : mb(peaks.boot), ...(note ? { note } : {}) };
    },
  };
}

/** Max of VmHWM (/proc/<pid>/status) over the renderer processes that were not there before the run's context. */
function sampleRss(procs: CDPSession, before: Set<number>): { stop(): Promise<Peak> } {
  const peaks = new Map<number, number>();
  let error = '';
  const tick = async () => {
    try {
      for (const pid of await rendererPids(procs)) {
        if (before.has(pid)) continue;
        const kb = vmHwmKb(pid);
        if (kb != null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kb));
      }
    } catch (e) {
      error = String(e);
    }
  };
  const stop = every(tick);
  return {
    stop: async () => {
      await stop();
      if (!peaks.size) return { mb: null, note: `no renderer's VmHWM could be read${error ? `: ${error}` : ' (no new renderer process, or /proc/<pid>/status unreadable)'}` };
      return { mb: mb([...peaks.values()].reduce((a, b) => Math.max(a, b), 0) * 1024) };
    },
  };
}

async function rendererPids(procs: CDPSession): Promise<Set<number>> {
  const { processInfo } = await procs.send('SystemInfo.getProcessInfo');
  return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

/** A renderer's peak resident set in kB; null when the process is gone or is not a chromium renderer of this machine's /proc. */
function vmHwmKb(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) return null;
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const series = (xs: number[]): Series => ({ median: Math.round(median(xs)), runs: xs.map(Math.round) });

function maybeSeries(xs: (number | null)[], notes: (string | undefined)[], round: (n: number) => number): MaybeSeries {
  const got = xs.filter((x): x is number => x != null);
  const note = [...new Set(notes.filter(Boolean))].join('; ');
  return { median: got.length ? round(median(got)) : null, runs: xs.map((x) => (x == null ? null : round(x))), ...(note ? { note } : {}) };
}

/** One size's runs → medians and raw runs. */
function summarize(rows: number, bytes: number, runs: Run[]): ImportSize {
  const refused = runs.find((r) => r.refusal != null)?.refusal;
  const commits = runs.flatMap((r) => (r.commit ? [r.commit] : []));
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return {
    rows,
    bytes,
    runs: runs.length,
    where: [...new Set(runs.map((r) => r.where))].join(','),
    ...(refused != null ? { toRefusalMs: series(runs.map((r) => r.endMs)), refusal: refused } : { toCheckMs: series(runs.map((r) => r.endMs)) }),
    ...(commits.length
      ? {
          toMapMs: series(commits.map((c) => c.storeMs + c.bootMs)),
          storeMs: series(commits.map((c) => c.storeMs)),
          bootMs: series(commits.map((c) => c.bootMs)),
          firstViewMs: maybeSeries(commits.map((c) => c.firstViewMs), [], Math.round),
        }
      : {}),
    longestTaskMs: series(runs.map((r) => r.longestTaskMs)),
    pageHeapMB: maybeSeries(runs.map((r) => r.memory.pageHeapMB), runs.map((r) => r.memory.pageNote), oneDecimal),
    pageHeapImportMB: maybeSeries(runs.map((r) => r.memory.pageHeapImportMB), [], oneDecimal),
    ...(commits.length ? { pageHeapBootMB: maybeSeries(runs.map((r) => r.memory.pageHeapBootMB), [], oneDecimal) } : {}),
    rendererPeakRssMB: maybeSeries(runs.map((r) => r.memory.rendererPeakRssMB), runs.map((r) => r.memory.rendererNote), oneDecimal),
  };
}

/** One console line per size, for the bench's summary. */
export function importLines(b: ImportBench): string[] {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const med = (s: MaybeSeries) => (s.median == null ? 'n/a' : String(s.median));
  const lines = b.sizes.map((s) => {
    const first = s.toCheckMs ? `to the check ${s.toCheckMs.median} ms` : `refused in ${s.toRefusalMs?.median} ms`;
    const map = s.toMapMs ? `, to the map ${s.toMapMs.median} ms (store ${s.storeMs?.median}, boot ${s.bootMs?.median})` : '';
    return `import of ${s.rows} rows (${(s.bytes / 1024 / 1024).toFixed(1)} MB, ${s.where}, median of ${s.runs}): ${first}${map}; longest task ${s.longestTaskMs.median} ms; page heap ${med(s.pageHeapMB)} MB (import ${med(s.pageHeapImportMB)}${s.pageHeapBootMB ? `, boot ${med(s.pageHeapBootMB)}` : ''}), renderer peak RSS ${med(s.rendererPeakRssMB)} MB`;
  });
  return [...lines, `import gazetteer ${kb(b.gazetteer.raw)} / ${kb(b.gazetteer.gzip)} KB raw / gzip`];
}

/** Alone: serves dist/ (built beforehand), prints the JSON; writes no results file. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const sizes = at >= 0 ? args[at + 1]!.split(',').map(Number) : IMPORT_SIZES;
  const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--sizes') ?? 3);
  const site = await startPreview('dist');
  const browser = await launchBrowser();
  try {
    const result = await benchImport(browser, site.origin, runs, { sizes, log: (line) => console.error(line) });
    console.log(JSON.stringify(result, null, 2));
    for (const line of importLines(result)) console.error(line);
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
