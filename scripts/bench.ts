/**
 * npm run bench — measures, never times tests. Writes bench/results.json and prints a table:
 *  - per page: bytes the browser downloads (JS, CSS, data, other), raw and gzip; for explore also the JS
 *    requested before its first view; the JS budgets (explore ≤ 400 KB before the first view (issue #24),
 *    a chart embed ≤ 45 KB);
 *  - explore: time from navigation to the map's first pixels (the base map drawn from the geometry,
 *    src/map/firstPixels.ts), to the first view (the SVG map with every mark, the list and the panel)
 *    and to the WebGL map's first idle, all from the same load (median of N loads, headless chromium),
 *    each against a bare maplibre page drawing the same geometry (its first frame with the provinces,
 *    its first idle), loaded alternately with ours; the ratios ours / bare (of the medians, and the
 *    median of the alternated pairs' ratios).
 * Run after `npm run build` (the npm script does both).
 */
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync, cpSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { startPreview, launchBrowser, ROOT } from '../tests/e2e/harness.ts';
import type { Browser } from 'playwright-core';
import { benchImport, importLines } from './bench-import.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGES = [
  { name: 'explore', path: '/', waitFor: () => window.__atlas?.ready === true },
  { name: 'embed', path: '/embed.html', waitFor: () => window.__atlas?.ready === true },
  { name: 'present', path: '/present.html', waitFor: () => window.__atlas?.ready === true },
  { name: 'embed-map', path: '/embed.html?chart=map', waitFor: () => window.__atlas?.ready === true },
];

/** JS budgets, gzip KB: explore before its first view, a chart embed until ready. */
const BUDGETS = { explore: 400, embed: 45 } as const;

type Sum = { raw: number; gzip: number; files: number };
type PageBytes = { totals: Record<Kind, Sum>; firstView?: { atMs: number; js: Sum }; files: { file: string; raw: number; gzip: number }[] };
/** Explore: the JS before its first view (the budget's measure) beside all it downloads once the WebGL map is idle; an embed: all of it. */
function budgets(pages: Record<string, PageBytes>) {
  const kb = (n: number) => Number((n / 1024).toFixed(1));
  return Object.fromEntries(
    Object.entries(BUDGETS).map(([name, limit]) => {
      const p = pages[name]!;
      const js = p.files.filter((f) => kindOf(f.file) === 'js').sort((a, b) => b.gzip - a.gzip);
      const measured = kb(p.firstView?.js.gzip ?? p.totals.js.gzip);
      return [name, { limitKB: limit, measure: p.firstView ? 'JS before the first view' : 'all JS until ready', measuredKB: measured, within: measured <= limit, allJsKB: kb(p.totals.js.gzip), largest: js.slice(0, 5).map((f) => ({ file: f.file, gzipKB: kb(f.gzip) })) }];
    }),
  );
}

type Kind = 'js' | 'css' | 'data' | 'other';
const kindOf = (url: string): Kind => (/\.m?js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : /\.json(\?|$)/.test(url) ? 'data' : 'other');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function pageBytes(browser: Browser, origin: string, path: string, waitFor: () => boolean) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  page.on('response', (res) => {
    if (!res.url().startsWith(origin)) return;
    bodies.push(res.body().then((b) => ({ url: res.url(), raw: b.length, gzip: gzipSync(b).length }), () => ({ url: res.url(), raw: 0, gzip: 0 })));
  });
  await page.goto(origin + path);
  await page.waitForFunction(waitFor, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  // The explore page's first view (the SVG map with every mark, list and panel) is drawn before the
  // WebGL map's code is asked for: the files requested before it are what that view needed.
  const firstViewAt = await page.evaluate(() => window.__atlas?.firstViewAt ?? null);
  const beforeFirstView = firstViewAt == null ? null : new Set(await page.evaluate((at) => performance.getEntriesByType('resource').filter((e) => e.startTime < at).map((e) => e.name), firstViewAt));
  await ctx.close();
  const totals: Record<Kind, { raw: number; gzip: number; files: number }> = {
    js: { raw: 0, gzip: 0, files: 0 },
    css: { raw: 0, gzip: 0, files: 0 },
    data: { raw: 0, gzip: 0, files: 0 },
    other: { raw: 0, gzip: 0, files: 0 },
  };
  for (const f of files) {
    const k = totals[kindOf(f.url)];
    k.raw += f.raw;
    k.gzip += f.gzip;
    k.files++;
  }
  const firstView = beforeFirstView && {
    atMs: Math.round(firstViewAt!),
    js: files.filter((f) => kindOf(f.url) === 'js' && beforeFirstView.has(f.url)).reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, files: t.files + 1 }), { raw: 0, gzip: 0, files: 0 }),
  };
  return { totals, ...(firstView ? { firstView } : {}), files: files.map((f) => ({ file: f.url.slice(origin.length), raw: f.raw, gzip: f.gzip })) };
}

/** One page load: the times `read` returns once all of them are set (ms from navigation, rounded). */
/** Init script: the page's long main-thread tasks (over 50 ms) as [start, duration] in window.__longTasks. */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function loadTimes<K extends string>(browser: Browser, url: string, read: () => Record<K, number | undefined | null> | null, longTasksBetween?: [K, K]): Promise<Record<K, number> & { longestTask?: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await ctx.addInitScript({ content: LONG_TASKS });
    const page = await ctx.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(read, null, { timeout: 60000 });
    const got = (await handle.jsonValue()) as Record<K, number>;
    const times = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, Math.round(Number(v))])) as Record<K, number>;
    if (!longTasksBetween) return times;
    // A task that has begun by idle is reported once it ends: one more frame's wait.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    // The longest task that overlaps [from, to] (0 when none was over 50 ms).
    const longestTask = await page.evaluate(
      ([from, to]) => Math.round((window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([s, d]) => s < to && s + d > from).reduce((m, [, d]) => Math.max(m, d), 0)),
      [got[longTasksBetween[0]], got[longTasksBetween[1]]] as [number, number],
    );
    return { ...times, longestTask };
  } finally {
    await ctx.close();
  }
}

async function buildBare(): Promise<string> {
  const outDir = join(ROOT, 'bench', 'tmp', 'bare-dist');
  const publicDir = join(ROOT, 'bench', 'tmp', 'bare-public');
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(join(publicDir, 'data'), { recursive: true });
  cpSync(join(ROOT, 'public', 'data', 'provinces.topo.json'), join(publicDir, 'data', 'provinces.topo.json'));
  await build({ root: join(ROOT, 'bench', 'bare'), base: './', publicDir, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
  return outDir;
}

/** The single-file editions' sizes: what an official copies to a USB stick, what a meeting file weighs. */
function singleFileSizes(): Record<string, { raw: number; gzip: number }> {
  const out: Record<string, { raw: number; gzip: number }> = {};
  for (const name of ['cluster-atlas-offline.html', 'cluster-atlas-present-offline.html']) {
    const bytes = readFileSync(join(ROOT, 'dist', name));
    out[name] = { raw: bytes.length, gzip: gzipSync(bytes).length };
  }
  return out;
}

/** The commit measured, with "+changes" when the working tree differs from it. */
function gitHead(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'embed.html', 'present.html', 'sources.html', 'public', 'data'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const bareDir = await buildBare();
  const site = await startPreview('dist');
  const bare = await startPreview(bareDir.slice(ROOT.length + 1));
  const browser = await launchBrowser();
  try {
    const pages: Record<string, PageBytes> = {};
    for (const p of PAGES) pages[p.name] = await pageBytes(browser, site.origin, p.path, p.waitFor);
    // Each load gives all of its times (first pixels, first view and idle come from the same load), and
    // our page and the bare one alternate, so that both see the machine in the same state.
    const oursRuns: { first: number; view: number; idle: number; longestTask?: number }[] = [];
    const bareRuns: { first: number; idle: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      oursRuns.push(
        await loadTimes<'first' | 'view' | 'idle'>(browser, site.origin + '/', () => {
          const a = window.__atlas;
          return a?.ready && a.firstPixelsAt != null && a.firstViewAt != null && a.mapIdleAt != null ? { first: a.firstPixelsAt, view: a.firstViewAt, idle: a.mapIdleAt } : null;
        }, ['view', 'idle']),
      );
      bareRuns.push(await loadTimes(browser, bare.origin + '/', () => (window.__bareIdle != null && window.__bareFirst != null ? { first: window.__bareFirst, idle: window.__bareIdle } : null)));
    }
    const ours = oursRuns.map((r) => r.idle);
    const ref = bareRuns.map((r) => r.idle);
    const oursFirst = oursRuns.map((r) => r.first);
    const oursView = oursRuns.map((r) => r.view);
    const longest = oursRuns.map((r) => r.longestTask ?? 0);
    const refFirst = bareRuns.map((r) => r.first);
    /** The median of each alternated pair's ratio: steadier than a ratio of medians when the machine's pace drifts. */
    const paired = (a: number[], b: number[]) => Number(median(a.map((x, i) => x / b[i]!)).toFixed(2));
    const importRows = await benchImport(browser, site.origin, Math.min(RUNS, 3));
    const result = {
      measured: new Date().toISOString(),
      commit: gitHead(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
      browser: `chromium ${browser.version()} headless, SwiftShader WebGL`,
      runs: RUNS,
      pages,
      firstMapPixelsMs: {
        explore: { median: median(oursFirst), runs: oursFirst },
        bareMaplibre: { median: median(refFirst), runs: refFirst },
        ratio: Number((median(oursFirst) / median(refFirst)).toFixed(2)),
        pairedRatio: paired(oursFirst, refFirst),
      },
      firstViewMs: { explore: { median: median(oursView), runs: oursView } },
      /** The longest main-thread task overlapping first view → map idle (long tasks are those over 50 ms; 0: none). Issue #24: ≤ 200 ms. */
      longestTaskFirstViewToIdleMs: { explore: { median: median(longest), max: Math.max(...longest), runs: longest, limit: 200 } },
      firstMapIdleMs: {
        explore: { median: median(ours), runs: ours },
        bareMaplibre: { median: median(ref), runs: ref },
        ratio: Number((median(ours) / median(ref)).toFixed(2)),
        pairedRatio: paired(ours, ref),
      },
      jsBudgets: budgets(pages),
      import: importRows,
      singleFile: singleFileSizes(),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    // The scale bench's section (npm run bench:scale) is kept as it is.
    const file = join(ROOT, 'bench', 'results.json');
    const scale = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { scale?: unknown }).scale : undefined;
    writeFileSync(file, JSON.stringify(scale ? { ...result, scale } : result, null, 2) + '\n');
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log('\npage      JS raw/gzip KB     CSS raw/gzip KB    data raw/gzip KB');
    for (const [name, p] of Object.entries(pages)) {
      const t = p.totals;
      console.log(`${name.padEnd(10)} ${`${kb(t.js.raw)} / ${kb(t.js.gzip)}`.padEnd(18)} ${`${kb(t.css.raw)} / ${kb(t.css.gzip)}`.padEnd(18)} ${kb(t.data.raw)} / ${kb(t.data.gzip)}`);
    }
    for (const [name, b] of Object.entries(result.jsBudgets)) console.log(`${name}: ${b.measure} ${b.measuredKB} KB gzip, budget ${b.limitKB}: ${b.within ? 'within' : 'over'}; all JS ${b.allJsKB} KB; largest ${b.largest.map((f) => `${f.file.replace(/^\/assets\//, '')} ${f.gzipKB}`).join(', ')}`);
    console.log(`\nfirst map pixels (median of ${RUNS}): explore ${median(oursFirst)} ms, bare maplibre ${median(refFirst)} ms, ratio ${result.firstMapPixelsMs.ratio} (median of paired loads ${result.firstMapPixelsMs.pairedRatio})`);
    console.log(`first view (SVG map with every mark, list, panel; median of ${RUNS}): explore ${median(oursView)} ms`);
    console.log(`longest main-thread task between first view and map idle: median ${median(longest)} ms, max ${Math.max(...longest)} ms (limit 200)`);
    console.log(`first map idle (median of ${RUNS}): explore ${median(ours)} ms, bare maplibre ${median(ref)} ms, ratio ${result.firstMapIdleMs.ratio} (median of paired loads ${result.firstMapIdleMs.pairedRatio})`);
    for (const line of importLines(importRows)) console.log(line);
    for (const [name, f] of Object.entries(result.singleFile)) console.log(`${name}: ${kb(f.raw)} / ${kb(f.gzip)} KB raw / gzip`);
    console.log('written: bench/results.json');
  } finally {
    await browser.close();
    await site.stop();
    await bare.stop();
  }
}

await main();
