/**
 * npm run bench:scale — how the site grows with the data (issue #15, item 3). For each size n (default
 * 1000,10000,100000; `SCALE_SIZES=1000,10000` or argv) it writes a synthetic dataset (scripts/synthetic-data.ts),
 * builds it with the data build (scripts/build-data.ts's run(), timed in-process), serves a copy of the built
 * site (dist/, or SCALE_SITE) whose data/ folder is the synthetic output, and measures in headless chromium
 * (software WebGL, the browser tests' launch arguments), SCALE_RUNS page loads per size (default 3), medians:
 *
 *  - firstMapPx: the first frame with the base map drawn — performance.now() at the first animation frame
 *    after the first WebGL draw call on maplibre's canvas (draw calls are observed by an init script);
 *  - firstMarksPx: the same for deck.gl's canvas: the first frame with cluster marks drawn by WebGL;
 *  - firstView: window.__atlas.firstViewAt, the explore page's first view (the SVG map with every mark, the
 *    list and the panel), before the WebGL map's code is asked for;
 *  - webglIdle: window.__atlas.mapIdleAt (the frame in which the WebGL map takes the SVG map's place,
 *    committed, the GPU having finished it); ready: when __atlas.ready turns true (the same moment);
 *  - filterRepaint: a region checkbox clicked (east off, then on again: two samples a load) → the first
 *    frame after deck.gl's next draw call: click handler, store, marks, list, charts and the draw (the base
 *    map is drawn again too: its provinces of the region are dimmed);
 *  - sectorRepaint: the same for the first sector's checkbox: only the marks' canvas is drawn again (and
 *    sectorSync, its click handler's synchronous part, as filterSync is the region's);
 *  - hover: the pointer moved onto one of the most isolated marks, or the group ring it is drawn in (found
 *    with __atlas.locate) → the frame after the tooltip shows, from the pointermove event's timestamp;
 *  - heap: used JS heap after a forced GC (CDP Runtime.getHeapUsage), the page ready and idle.
 *
 * Also the data build's time and atlas.json's bytes raw / gzip. The exponent b of y = a·n^b (least squares
 * on log-log) per measure, and the largest size whose filter change repaints within 100 ms. Writes the
 * "scale" section of bench/results.json (the other sections are kept). Everything synthetic stays in
 * bench/tmp/scale/ (git-ignored): never in data/, public/ or dist/.
 */
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { startPreview, launchBrowser, ROOT } from '../tests/e2e/harness.ts';
import { writeSynthetic } from './synthetic-data.ts';
import { run as buildData } from './build-data.ts';
import { readAtlas } from '../tests/atlasFile.ts';

export const SCALE_DIR = join(ROOT, 'bench', 'tmp', 'scale');
const SITE_DIR = join(SCALE_DIR, 'site');
/** Files of dist/ the explore page never loads: not copied. */
const SKIP = new Set(['data', 'cluster-atlas-offline.html', 'cluster-atlas-present-offline.html', '.vite']);

export interface Prepared {
  n: number;
  sites: number;
  figures: number;
  /** Clusters to hover: their marks stand alone. */
  isolated: string[];
  buildMs: number;
  atlas: { raw: number; gzip: number };
}

/** Writes the synthetic data folder for n clusters and builds it; the output is in bench/tmp/scale/syn-n/out. */
export function prepareSize(n: number): Prepared {
  const base = join(SCALE_DIR, `syn-${n}`);
  const syn = writeSynthetic(n, join(base, 'data'));
  const t0 = performance.now();
  const code = buildData(join(base, 'data'), join(base, 'out'));
  const buildMs = Math.round(performance.now() - t0);
  if (code !== 0) throw new Error(`data build of the ${n}-cluster set failed`);
  const atlas = readFileSync(join(base, 'out', 'atlas.json'));
  return { n, sites: syn.sites, figures: syn.figures, isolated: syn.isolated, buildMs, atlas: { raw: atlas.length, gzip: gzipSync(atlas).length } };
}

/**
 * The site's code built from the working tree into bench/tmp/scale/dist (SCALE_BUILD=1), for measuring a
 * change before dist/ is rebuilt; dist/ itself is never touched. Returns the folder from ROOT.
 */
export async function buildSiteCopy(): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(SCALE_DIR, 'dist');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir.slice(ROOT.length + 1);
}

/** A copy of the built site (dist/ without its data) with the n-cluster output as its data/ folder; returns its path from ROOT. */
export function stageSite(n: number, from = process.env['SCALE_SITE'] ?? 'dist'): string {
  const src = join(ROOT, from);
  if (!existsSync(join(src, 'index.html'))) throw new Error(`${from}/index.html missing: run npm run build first`);
  rmSync(SITE_DIR, { recursive: true, force: true });
  mkdirSync(SITE_DIR, { recursive: true });
  for (const f of readdirSync(src)) if (!SKIP.has(f)) cpSync(join(src, f), join(SITE_DIR, f), { recursive: true });
  cpSync(join(SCALE_DIR, `syn-${n}`, 'out'), join(SITE_DIR, 'data'), { recursive: true });
  return SITE_DIR.slice(ROOT.length + 1);
}

/**
 * Observes WebGL draw calls: the first on maplibre's canvas ('base') and on deck.gl's ('marks'), and, once a
 * measurement arms it, the first marks draw after that time; each is followed by the next animation frame.
 * Plain JavaScript in a string: the page runs it as it is (a function passed from here would carry tsx's helpers).
 */
const DRAW_HOOK = `(() => {
  const st = { firstBaseDraw: null, firstBasePx: null, firstMarksDraw: null, firstMarksPx: null, armedAt: null, repaintDraw: null, repaintPx: null };
  window.__bench = st;
  const frame = (fn) => requestAnimationFrame(() => fn(performance.now()));
  const seen = (gl) => {
    const t = performance.now();
    const canvas = gl.canvas;
    if (canvas && canvas.classList && canvas.classList.contains('maplibregl-canvas')) {
      if (st.firstBaseDraw == null) { st.firstBaseDraw = t; frame((p) => (st.firstBasePx = p)); }
      return;
    }
    if (st.firstMarksDraw == null) { st.firstMarksDraw = t; frame((p) => (st.firstMarksPx = p)); }
    if (st.armedAt != null && t > st.armedAt && st.repaintDraw == null) { st.repaintDraw = t; frame((p) => (st.repaintPx = p)); }
  };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
      const orig = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (typeof orig !== 'function') continue;
      proto[name] = function (...a) { seen(this); return orig.apply(this, a); };
    }
  }
})();`;

export interface RunResult {
  renderer: string | null;
  clustersShown: string;
  firstMapPx: number | null;
  firstWebglMapPx: number | null;
  firstMarksPx: number | null;
  firstView: number | null;
  webglIdle: number | null;
  ready: number;
  heapMB: number;
  filterRepaint: number[];
  /** The click handler's synchronous part of filterRepaint (store, marks, list, charts). */
  filterSync: number[];
  /** A sector filter: the marks' canvas alone is drawn again. */
  sectorRepaint: number[];
  /** The click handler's synchronous part of sectorRepaint. */
  sectorSync: number[];
  hover: number | null;
  /** What could not be measured, and why. */
  notes: string[];
}

/** Clicks a filter's checkbox (a CSS selector) and waits for the frame after deck.gl's next draw. */
async function filterOnce(page: Page, selector: string, timeoutMs: number): Promise<{ total: number; sync: number }> {
  const t = await page.evaluate((selector) => {
    const st = (window as unknown as { __bench: { armedAt: number | null; repaintDraw: number | null; repaintPx: number | null } }).__bench;
    const box = document.querySelector<HTMLInputElement>(selector)!;
    st.repaintDraw = st.repaintPx = null;
    const t0 = performance.now();
    st.armedAt = t0;
    box.click();
    return { t0, sync: performance.now() - t0 };
  }, selector);
  const px = await page.waitForFunction(() => (window as unknown as { __bench: { repaintPx: number | null } }).__bench.repaintPx, null, { timeout: timeoutMs });
  const total = Number(await px.jsonValue()) - t.t0;
  await page.evaluate(() => ((window as unknown as { __bench: { armedAt: number | null } }).__bench.armedAt = null));
  return { total, sync: t.sync };
}

/**
 * Moves the pointer onto a drawn mark and times pointermove → the frame after the tooltip shows. locate()
 * also answers for a cluster inside a group (the group's ring, which has no tooltip): each candidate is tried
 * in turn, for at most 5 s each (SCALE_HOVER_TRY_MS), until one shows a tooltip.
 */
async function hoverOnce(page: Page, ids: string[], timeoutMs: number): Promise<number | null> {
  const spots = await page.evaluate((ids) => {
    const map = document.getElementById('map')!.getBoundingClientRect();
    const seen = new Set<string>();
    const out: [number, number][] = [];
    for (const id of ids) {
      const p = window.__atlas?.locate?.(id);
      if (!p || p[0] < map.left + 20 || p[0] > map.right - 20 || p[1] < map.top + 20 || p[1] > map.bottom - 20) continue;
      const key = `${Math.round(p[0])},${Math.round(p[1])}`;
      if (!seen.has(key)) (seen.add(key), out.push(p));
    }
    return out;
  }, ids);
  const map = await page.locator('#map').boundingBox();
  for (const at of spots.slice(0, 5)) {
    await page.mouse.move(map!.x + 3, map!.y + 3); // a corner outside China: no mark, no tooltip
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#map .tooltip')?.hidden !== false, null, { timeout: timeoutMs });
    await page.evaluate(() => {
      const w = window as unknown as { __hover: { event: number | null; px: number | null } };
      const h = (w.__hover = { event: null as number | null, px: null as number | null });
      addEventListener('pointermove', (e) => (h.event ??= e.timeStamp), { capture: true, once: true });
      const tip = document.querySelector<HTMLElement>('#map .tooltip')!;
      const obs = new MutationObserver(() => {
        if (tip.hidden) return;
        obs.disconnect();
        requestAnimationFrame(() => (h.px = performance.now()));
      });
      obs.observe(tip, { attributes: true, attributeFilter: ['hidden'] });
    });
    await page.mouse.move(at[0], at[1]);
    try {
      const done = await page.waitForFunction(() => {
        const h = (window as unknown as { __hover: { event: number | null; px: number | null } }).__hover;
        return h.px != null && h.event != null ? h.px - h.event : null;
      }, null, { timeout: Math.min(timeoutMs, Number(process.env['SCALE_HOVER_TRY_MS'] ?? 5000)) });
      return Number(await done.jsonValue());
    } catch {
      // A group's ring, or nothing picked there: the next candidate.
    }
  }
  return null;
}

/** One page load of the site at origin with its n clusters, every measure. */
export async function measureOnce(browser: Browser, origin: string, hoverIds: string[], timeoutMs = Number(process.env['SCALE_TIMEOUT_MS'] ?? 15 * 60_000)): Promise<RunResult> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await ctx.addInitScript({ content: DRAW_HOOK });
    const page = await ctx.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.goto(origin + '/', { waitUntil: 'load', timeout: timeoutMs });
    const ready = Number(await (await page.waitForFunction(() => (window.__atlas?.ready ? performance.now() : null), null, { timeout: timeoutMs })).jsonValue());
    // Settle: the marks drawn and the map idle before anything else is timed.
    await page.waitForFunction(() => window.__atlas?.mapIdleAt != null && (window.__atlas.renderer !== 'webgl' || (window as unknown as { __bench: { firstMarksPx: number | null } }).__bench.firstMarksPx != null), null, { timeout: timeoutMs });
    await page.waitForTimeout(300);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const st = await page.evaluate(() => ({ bench: (window as unknown as { __bench: Record<string, number | null> }).__bench, idle: window.__atlas?.mapIdleAt ?? null, firstView: (window.__atlas as { firstViewAt?: number } | undefined)?.firstViewAt ?? null, firstPixels: (window.__atlas as { firstPixelsAt?: number } | undefined)?.firstPixelsAt ?? null, renderer: window.__atlas?.renderer ?? null, counts: document.querySelector('#side .counts')?.textContent ?? '' }));
    const filterRepaint: number[] = [];
    const filterSync: number[] = [];
    const sectorRepaint: number[] = [];
    const sectorSync: number[] = [];
    const notes: string[] = [];
    try {
      for (const _ of [0, 1]) {
        const f = await filterOnce(page, 'input[name=region][value=east]', timeoutMs); // off, then on again
        filterRepaint.push(f.total);
        filterSync.push(f.sync);
        await page.waitForTimeout(200);
      }
      for (const _ of [0, 1]) {
        const f = await filterOnce(page, 'input[name=sector]', timeoutMs);
        sectorRepaint.push(f.total);
        sectorSync.push(f.sync);
        await page.waitForTimeout(200);
      }
    } catch (e) {
      notes.push(`filter: ${(e as Error).message.split('\n')[0]}`);
    }
    let hover: number | null = null;
    try {
      hover = await hoverOnce(page, hoverIds, timeoutMs);
      if (hover == null) notes.push('hover: no tooltip at any of the isolated marks or their rings (off the map)');
    } catch (e) {
      notes.push(`hover: ${(e as Error).message.split('\n')[0]}`);
    }
    return {
      renderer: st.renderer as string | null,
      clustersShown: String(st.counts),
      // The first frame with a map drawn: the page's own first pixels (an SVG base map, where the page has
      // them: __atlas.firstPixelsAt) or maplibre's first drawn frame, whichever came first.
      firstMapPx: Math.min(st.firstPixels ?? Infinity, st.bench['firstBasePx'] ?? Infinity) < Infinity ? Math.min(st.firstPixels ?? Infinity, st.bench['firstBasePx'] ?? Infinity) : null,
      firstWebglMapPx: st.bench['firstBasePx'] ?? null,
      firstMarksPx: st.bench['firstMarksPx'] ?? null,
      firstView: st.firstView as number | null,
      webglIdle: st.idle as number | null,
      ready,
      heapMB: heap.usedSize / 2 ** 20,
      filterRepaint,
      filterSync,
      sectorRepaint,
      sectorSync,
      hover,
      notes,
    };
  } finally {
    await ctx.close();
  }
}

export const median = (xs: readonly number[]): number | null => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);

/** b of y = a·n^b by least squares on log n, log y (null with fewer than two usable points). */
export function fitExponent(points: readonly { n: number; y: number | null }[]): number | null {
  const p = points.filter((q): q is { n: number; y: number } => q.y != null && q.y > 0);
  if (p.length < 2) return null;
  const xs = p.map((q) => Math.log(q.n));
  const ys = p.map((q) => Math.log(q.y));
  const mx = xs.reduce((a, b) => a + b, 0) / p.length;
  const my = ys.reduce((a, b) => a + b, 0) / p.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  return sxx ? Math.round((sxy / sxx) * 100) / 100 : null;
}

export interface SizeResult extends Prepared {
  runs: RunResult[];
  /** Medians over the runs (ms; heap in MB). */
  median: Record<Measure, number | null>;
  clustersShown: string;
  renderer: string | null;
  note?: string;
}
export const MEASURES = ['firstMapPx', 'firstView', 'firstWebglMapPx', 'firstMarksPx', 'webglIdle', 'ready', 'filterRepaint', 'filterSync', 'sectorRepaint', 'sectorSync', 'hover', 'heapMB'] as const;
export type Measure = (typeof MEASURES)[number];

function medians(runs: RunResult[]): Record<Measure, number | null> {
  const out = {} as Record<Measure, number | null>;
  for (const m of MEASURES) out[m] = r1(median(runs.flatMap((r) => { const v = r[m]; return Array.isArray(v) ? v : v == null ? [] : [v]; })));
  return out;
}

/** Prepares, serves and measures one size. */
export async function benchSize(browser: Browser, n: number, runs: number, log: (s: string) => void = console.log): Promise<SizeResult> {
  const prep = prepareSize(n);
  log(`${n}: data build ${prep.buildMs} ms, atlas.json ${(prep.atlas.raw / 1e6).toFixed(2)} / ${(prep.atlas.gzip / 1e6).toFixed(2)} MB raw / gzip`);
  const site = await startPreview(stageSite(n));
  const results: RunResult[] = [];
  const budgetMs = Number(process.env['SCALE_BUDGET_MS'] ?? 10 * 60_000);
  const started = Date.now();
  try {
    for (let i = 0; i < runs; i++) {
      const t = Date.now();
      results.push(await measureOnce(browser, site.origin, prep.isolated));
      log(`${n}: run ${i + 1} ${JSON.stringify(results[i], (k, v) => (typeof v === 'number' ? r1(v) : v))} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      // A size that takes long gets fewer runs: the budget is per size.
      if (Date.now() - started > budgetMs && i + 1 < runs) {
        log(`${n}: stopping after ${i + 1} run(s), the ${budgetMs / 60000}-minute budget is spent`);
        break;
      }
    }
  } finally {
    await site.stop();
  }
  return { ...prep, runs: results, median: medians(results), clustersShown: results[0]?.clustersShown ?? '', renderer: results[0]?.renderer ?? null };
}

/** `npm run bench:scale reference`: only the reference, written into the scale section already there. */
async function referenceOnly() {
  if (process.env['SCALE_BUILD'] === '1') process.env['SCALE_SITE'] = await buildSiteCopy();
  const browser = await launchBrowser();
  try {
    const reference = await benchReference(browser, Number(process.env['SCALE_RUNS'] ?? 3));
    const file = join(ROOT, 'bench', 'results.json');
    const all = JSON.parse(readFileSync(file, 'utf8')) as { scale?: Record<string, unknown> };
    all.scale = { ...all.scale, reference };
    writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  } finally {
    await browser.close();
  }
}

/** The site's own data (dist/data, or SCALE_SITE's), measured the same way: the floor the synthetic sizes stand on. */
async function benchReference(browser: Browser, runs: number) {
  const from = process.env['SCALE_SITE'] ?? 'dist';
  const atlas = readAtlas(join(ROOT, from, 'data', 'atlas.json')) as { clusters: { id: string }[]; sites: { cluster_id: string; precision: string }[] };
  const ids = [...new Set(atlas.sites.filter((x) => x.precision !== 'province').map((x) => x.cluster_id))].slice(0, 10);
  const site = await startPreview(from);
  const results: RunResult[] = [];
  try {
    for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, site.origin, ids));
  } finally {
    await site.stop();
  }
  console.log(`reference (${atlas.clusters.length} clusters, ${from}/data): ${JSON.stringify(medians(results))}`);
  return { clusters: atlas.clusters.length, median: medians(results), clustersShown: results[0]?.clustersShown ?? '', runs: results };
}

/** The largest measured size whose median filter → repaint (or another measure) is within limitMs, and the first above it. */
export function limitOf(sizes: readonly SizeResult[], limitMs = 100, measure: Measure = 'filterRepaint'): { within: number | null; above: number | null; bracketed: boolean; estimate: number | null } {
  const sorted = [...sizes].sort((a, b) => a.n - b.n);
  let within: number | null = null;
  let above: number | null = null;
  for (const s of sorted) {
    const v = s.median[measure];
    if (v != null && v <= limitMs && above == null) within = s.n;
    else if (v != null && v > limitMs && above == null) above = s.n;
  }
  // Between the two: log-log interpolation of the two bracketing points.
  let estimate: number | null = null;
  const a = sorted.find((s) => s.n === within);
  const b = sorted.find((s) => s.n === above);
  if (a && b) {
    const k = Math.log(b.median[measure]! / a.median[measure]!) / Math.log(b.n / a.n);
    estimate = k > 0 ? Math.round(a.n * (limitMs / a.median[measure]!) ** (1 / k)) : null;
  }
  return { within, above, bracketed: within != null && above != null, estimate };
}

async function main() {
  const arg = process.argv[2] ?? process.env['SCALE_SIZES'] ?? '1000,10000,100000';
  if (arg === 'reference') return referenceOnly();
  const sizes = arg.split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`sizes: ${arg}`);
  const runs = Number(process.env['SCALE_RUNS'] ?? 3);
  if (process.env['SCALE_BUILD'] === '1') process.env['SCALE_SITE'] = await buildSiteCopy();
  const code = codeVersion(); // as the run begins: commits may land while it runs
  const browser = await launchBrowser();
  const out: SizeResult[] = [];
  let reference: Awaited<ReturnType<typeof benchReference>> | null = null;
  try {
    for (const n of sizes) {
      try {
        out.push(await benchSize(browser, n, runs));
      } catch (e) {
        console.error(`${n}: ${(e as Error).message}`);
        out.push({ n, sites: 0, figures: 0, isolated: [], buildMs: 0, atlas: { raw: 0, gzip: 0 }, runs: [], median: medians([]), clustersShown: '', renderer: null, note: `not measured: ${(e as Error).message.split('\n')[0]}` });
      }
    }
    // The real data as built into the site, for reference (not in the fit): the same measures at its own size.
    if (process.env['SCALE_REFERENCE'] !== '0') reference = await benchReference(browser, runs);
  } finally {
    await browser.close();
  }
  const measured = out.filter((s) => s.runs.length);
  const exponents: Record<string, number | null> = {
    buildMs: fitExponent(measured.map((s) => ({ n: s.n, y: s.buildMs }))),
    atlasRaw: fitExponent(measured.map((s) => ({ n: s.n, y: s.atlas.raw }))),
    atlasGzip: fitExponent(measured.map((s) => ({ n: s.n, y: s.atlas.gzip }))),
  };
  for (const m of MEASURES) exponents[m] = fitExponent(measured.map((s) => ({ n: s.n, y: s.median[m] })));
  const scale = {
    measured: new Date().toISOString(),
    code,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, note: process.env['SCALE_NOTE'] ?? 'shared machine: other work ran on its 2 CPUs' },
    browser: `chromium headless, SwiftShader WebGL, 1440×900`,
    method: 'medians of page loads; ms from navigation start unless a span; see scripts/bench-scale.ts',
    sizes: out.map(({ runs: r, ...s }) => ({ ...s, runs: r.length, raw: r })),
    exponents,
    filterRepaintWithin100ms: limitOf(measured),
    sectorRepaintWithin100ms: limitOf(measured, 100, 'sectorRepaint'),
    reference,
  };
  const file = join(ROOT, 'bench', 'results.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all['scale'] = scale;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  printTable(out, exponents, scale.filterRepaintWithin100ms, scale.sectorRepaintWithin100ms);
  console.log(`written: bench/results.json (scale) — ${statSync(file).size} bytes`);
}

/** Which code was measured: HEAD, and whether the working tree (others' work in progress too) differed. */
function codeVersion(): string {
  const git = (a: string[]) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const changed = git(['status', '--short', '--', 'src']).split('\n').filter(Boolean).length;
  const site = process.env['SCALE_SITE'] ?? 'dist';
  return `${site === 'dist' ? 'dist/' : 'the working tree built into ' + site} at ${git(['rev-parse', '--short', 'HEAD'])}${changed ? ` with ${changed} uncommitted file(s) in src/` : ''}`;
}

function printTable(out: SizeResult[], b: Record<string, number | null>, limit: ReturnType<typeof limitOf>, sectorLimit: ReturnType<typeof limitOf>) {
  const cols: [string, (s: SizeResult) => number | string | null, string][] = [
    ['clusters', (s) => s.n, ''],
    ['build ms', (s) => s.buildMs, 'buildMs'],
    ['atlas MB raw/gz', (s) => `${(s.atlas.raw / 1e6).toFixed(2)} / ${(s.atlas.gzip / 1e6).toFixed(2)}`, 'atlasRaw'],
    ['1st map px', (s) => s.median.firstMapPx, 'firstMapPx'],
    ['1st view (SVG marks)', (s) => s.median.firstView, 'firstView'],
    ['1st WebGL marks px', (s) => s.median.firstMarksPx, 'firstMarksPx'],
    ['WebGL idle', (s) => s.median.webglIdle, 'webglIdle'],
    ['ready', (s) => s.median.ready, 'ready'],
    ['region filter→repaint', (s) => s.median.filterRepaint, 'filterRepaint'],
    ['sector filter→repaint', (s) => s.median.sectorRepaint, 'sectorRepaint'],
    ['hover→tooltip', (s) => s.median.hover, 'hover'],
    ['heap MB', (s) => s.median.heapMB, 'heapMB'],
  ];
  console.log('\n| ' + cols.map((c) => c[0]).join(' | ') + ' |');
  console.log('| ' + cols.map(() => '---').join(' | ') + ' |');
  for (const s of out) console.log('| ' + cols.map((c) => String(c[1](s) ?? (s.note ? '—' : 'n/a'))).join(' | ') + ' |');
  console.log('| exponent b | ' + cols.slice(1).map((c) => String(b[c[2]] ?? '—')).join(' | ') + ' |');
  const say = (what: string, l: ReturnType<typeof limitOf>) =>
    console.log(`${what} ≤ 100 ms: up to ${l.within ?? 'none'} measured${l.above ? `, above at ${l.above}` : ''}${l.estimate ? ` (≈ ${l.estimate} by log-log interpolation)` : ''}`);
  console.log('');
  say('region filter → repaint', limit);
  say('sector filter → repaint', sectorLimit);
}

if (process.argv[1]?.endsWith('bench-scale.ts')) await main();
