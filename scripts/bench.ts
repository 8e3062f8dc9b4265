/**
 * npm run bench — measures, never times tests. Writes bench/results.json and prints a table:
 *  - per page: bytes the browser downloads (JS, CSS, data, other), raw and gzip;
 *  - explore: time from navigation to the map's first pixels (the base map drawn from the geometry,
 *    src/map/firstPixels.ts) and to the WebGL map's first idle (median of N runs, headless chromium),
 *    each against a bare maplibre page drawing the same geometry (its first frame with the provinces,
 *    its first idle); the ratios ours / bare.
 * Run after `npm run build` (the npm script does both).
 */
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync, cpSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { startPreview, launchBrowser, ROOT } from '../tests/e2e/harness.ts';
import type { Browser } from 'playwright-core';
import { benchImport } from './bench-import.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = [
  { name: 'explore', path: '/', waitFor: () => window.__atlas?.ready === true },
  { name: 'embed', path: '/embed.html', waitFor: () => window.__atlas?.ready === true },
  { name: 'present', path: '/present.html', waitFor: () => window.__atlas?.ready === true },
];

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
  return { totals, files: files.map((f) => ({ file: f.url.slice(origin.length), raw: f.raw, gzip: f.gzip })) };
}

async function idleTimes(browser: Browser, url: string, read: () => number | undefined | null): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(read, null, { timeout: 60000 });
    out.push(Math.round(Number(await handle.jsonValue())));
    await ctx.close();
  }
  return out;
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

async function main() {
  const bareDir = await buildBare();
  const site = await startPreview('dist');
  const bare = await startPreview(bareDir.slice(ROOT.length + 1));
  const browser = await launchBrowser();
  try {
    const pages: Record<string, unknown> = {};
    for (const p of PAGES) pages[p.name] = await pageBytes(browser, site.origin, p.path, p.waitFor);
    const ours = await idleTimes(browser, site.origin + '/', () => window.__atlas?.mapIdleAt);
    const ref = await idleTimes(browser, bare.origin + '/', () => window.__bareIdle);
    const oursFirst = await idleTimes(browser, site.origin + '/', () => window.__atlas?.firstPixelsAt);
    const refFirst = await idleTimes(browser, bare.origin + '/', () => window.__bareFirst);
    const importRows = await benchImport(browser, site.origin, Math.min(RUNS, 3));
    const result = {
      measured: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
      browser: `chromium ${browser.version()} headless, SwiftShader WebGL`,
      runs: RUNS,
      pages,
      firstMapPixelsMs: {
        explore: { median: median(oursFirst), runs: oursFirst },
        bareMaplibre: { median: median(refFirst), runs: refFirst },
        ratio: Number((median(oursFirst) / median(refFirst)).toFixed(2)),
      },
      firstMapIdleMs: {
        explore: { median: median(ours), runs: ours },
        bareMaplibre: { median: median(ref), runs: ref },
        ratio: Number((median(ours) / median(ref)).toFixed(2)),
      },
      import5000: importRows,
      singleFile: singleFileSizes(),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    // The scale bench's section (npm run bench:scale) is kept as it is.
    const file = join(ROOT, 'bench', 'results.json');
    const scale = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { scale?: unknown }).scale : undefined;
    writeFileSync(file, JSON.stringify(scale ? { ...result, scale } : result, null, 2) + '\n');
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log('\npage      JS raw/gzip KB     CSS raw/gzip KB    data raw/gzip KB');
    for (const [name, p] of Object.entries(pages) as [string, { totals: Record<Kind, { raw: number; gzip: number }> }][]) {
      const t = p.totals;
      console.log(`${name.padEnd(9)} ${`${kb(t.js.raw)} / ${kb(t.js.gzip)}`.padEnd(18)} ${`${kb(t.css.raw)} / ${kb(t.css.gzip)}`.padEnd(18)} ${kb(t.data.raw)} / ${kb(t.data.gzip)}`);
    }
    console.log(`\nfirst map pixels (median of ${RUNS}): explore ${median(oursFirst)} ms, bare maplibre ${median(refFirst)} ms, ratio ${result.firstMapPixelsMs.ratio}`);
    console.log(`first map idle (median of ${RUNS}): explore ${median(ours)} ms, bare maplibre ${median(ref)} ms, ratio ${result.firstMapIdleMs.ratio}`);
    console.log(`import of ${importRows.rows} rows to the check (median of ${importRows.checkMs.runs.length}): ${importRows.checkMs.median} ms; gazetteer ${kb(importRows.gazetteer.raw)} / ${kb(importRows.gazetteer.gzip)} KB`);
    for (const [name, f] of Object.entries(result.singleFile)) console.log(`${name}: ${kb(f.raw)} / ${kb(f.gzip)} KB raw / gzip`);
    console.log('written: bench/results.json');
  } finally {
    await browser.close();
    await site.stop();
    await bare.stop();
  }
}

await main();
