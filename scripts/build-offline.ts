/**
 * Builds the single-file editions into dist/ (run after `vite build`; `npm run build` does both):
 *
 *   dist/cluster-atlas-offline.html          every page (explore, present, sources, embed), the data,
 *                                             the geometry, maplibre and its worker, in one file
 *   dist/cluster-atlas-present-offline.html  the present page only (no maplibre: slides draw SVG maps);
 *                                             present.html fills it with the current deck to save a
 *                                             meeting file ("保存为离线演示文件")
 *
 * Each opens by double-click (file://) with no network and requests nothing: a strict CSP
 * (default-src 'none', the one inline script allowed by its hash) says so to the browser.
 * Code is built as one classic script (IIFE, ES2020, dynamic imports inlined); the page markup is
 * copied from the site's HTML files into <template>s; data files go into one JSON block that
 * src/data/load.ts reads instead of fetching.
 */
import { build, transformWithOxc, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const DATA = join(ROOT, 'public', 'data');
const WORKER_ID = '\0atlas-inline-worker';

/** maplibre's worker script, read from an inline <script type="text/plain"> into a blob URL. */
function inlineWorker(): Plugin {
  return {
    name: 'atlas:inline-worker',
    enforce: 'pre',
    resolveId: (id) => (/maplibre-gl-worker\.mjs\?url$/.test(id) ? WORKER_ID : null),
    load: (id) =>
      id === WORKER_ID
        ? `const el = document.getElementById('atlas-worker');
export default el && el.textContent ? URL.createObjectURL(new Blob([el.textContent], { type: 'text/javascript' })) : '';`
        : null,
  };
}

/**
 * The meeting file draws its maps as SVG (it is made for PCs without WebGL, and stays small): the
 * WebGL map module is replaced by one that declines, never called since <html data-maps="svg">.
 */
function svgMapsOnly(): Plugin {
  const id = '\0atlas-no-webgl-map';
  return {
    name: 'atlas:svg-maps-only',
    enforce: 'pre',
    resolveId: (source) => (/\/map\/(clusterMap|basemap)\.ts$/.test(source) ? id : null),
    load: (source) =>
      source === id
        ? `const no = () => Promise.reject(new Error('this file draws SVG maps only'));
export function createClusterMap() { return no(); }
export function startBaseMap() { const loaded = no(); loaded.catch(() => undefined); return { map: null, loaded }; }`
        : null,
  };
}

/** One classic script and its CSS for `entry`. */
async function bundle(entry: string, svgOnly = false): Promise<{ js: string; css: string }> {
  const out = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      base: './',
      logLevel: 'warn',
      publicDir: false,
      plugins: svgOnly ? [svgMapsOnly()] : [inlineWorker()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.url': 'document.baseURI' },
      build: {
        outDir: out,
        emptyOutDir: true,
        target: 'es2020',
        minify: true,
        sourcemap: false,
        assetsInlineLimit: Number.MAX_SAFE_INTEGER,
        lib: { entry: join(ROOT, entry), formats: ['iife'], name: 'ClusterAtlas', fileName: () => 'atlas.js', cssFileName: 'atlas' },
      },
    });
    const files = readdirSync(out);
    const js = readFileSync(join(out, 'atlas.js'), 'utf8');
    const css = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    return { js, css };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Text that can sit inside <script>…</script> or <style>…</style> without closing it early. */
const scriptSafe = (code: string) => code.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const jsonSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The body of one of the site's pages, without its scripts, as a <template>. */
function pageTemplate(page: string, htmlFile: string): string {
  const html = readFileSync(join(ROOT, htmlFile), 'utf8');
  const body = /<body([^>]*)>([\s\S]*)<\/body>/i.exec(html);
  if (!body) throw new Error(`${htmlFile}: no <body>`);
  const cls = /class="([^"]*)"/.exec(body[1] ?? '')?.[1] ?? '';
  const htmlCls = /<html[^>]*\bclass="([^"]*)"/i.exec(html)?.[1] ?? '';
  const inner = (body[2] ?? '').replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<noscript>[\s\S]*?<\/noscript>/gi, '');
  return `<template id="atlas-page-${page}" data-page="${page}" data-body-class="${cls}" data-html-class="${htmlCls}">${inner.trim()}</template>`;
}

function dataFiles(names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = JSON.parse(readFileSync(join(DATA, n), 'utf8'));
  return out;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

function compose(o: { title: string; css: string; js: string; check: string; data: Record<string, unknown>; templates: string[]; worker: string | null }): string {
  const svgOnly = o.worker === null;
  const main = scriptSafe(o.js);
  const check = scriptSafe(o.check);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(check)}' 'sha256-${sha256(main)}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'connect-src data: blob:',
    'worker-src blob: data:',
    'child-src blob: data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    `<html lang="zh-CN" data-edition="single-file"${svgOnly ? ' data-maps="svg"' : ''}>`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    `<title>${o.title}</title>`,
    `<script>${check}</script>`,
    `<style>${scriptSafe(o.css)}</style>`,
    `<script type="application/json" id="atlas-inline-data">${jsonSafe(o.data)}</script>`,
    // Filled by present.html when it saves a meeting file: the query (deck, slide, language) to open on.
    '<script type="application/json" id="atlas-start">null</script>',
    // Filled when a user saves the offline edition with their imported table (src/offline/withUserLayer.ts).
    '<script type="application/json" id="atlas-user-layer">null</script>',
    o.worker === null ? '' : `<script type="text/plain" id="atlas-worker">${scriptSafe(o.worker)}</script>`,
    ...o.templates,
    '</head>',
    '<body>',
    `<script>${main}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const check = readFileSync(join(ROOT, 'public', 'start-check.js'), 'utf8');
  const workerSource = readFileSync(join(ROOT, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'), 'utf8');
  const worker = (await transformWithOxc(workerSource, 'maplibre-gl-worker.js', { target: 'es2020', lang: 'js' })).code;
  const decks = readdirSync(join(DATA, 'decks')).filter((f) => f.endsWith('.json')).map((f) => `decks/${f}`);
  const data = dataFiles(['atlas.json', 'provinces.topo.json', 'south-china-sea.json', ...decks]);
  // The import dialog's gazetteer, for a table imported into the offline edition (not the meeting file).
  const withGazetteer = existsSync(join(DATA, 'gazetteer.json')) ? { ...data, ...dataFiles(['gazetteer.json']) } : data;

  const full = await bundle('src/offline/main.ts');
  const offline = compose({
    title: '产业集群地图（离线版）Cluster Atlas (offline edition)',
    ...full,
    check,
    data: withGazetteer,
    worker,
    templates: [pageTemplate('explore', 'index.html'), pageTemplate('present', 'present.html'), pageTemplate('sources', 'sources.html'), pageTemplate('embed', 'embed.html')],
  });
  const present = await bundle('src/offline/present.ts', true);
  const meeting = compose({
    title: '产业集群地图 · 演示（离线）Cluster Atlas · presentation (offline)',
    ...present,
    check,
    data,
    worker: null,
    templates: [pageTemplate('present', 'present.html'), pageTemplate('sources', 'sources.html')],
  });
  for (const [name, html] of [
    ['cluster-atlas-offline.html', offline],
    ['cluster-atlas-present-offline.html', meeting],
  ] as const) {
    const file = join(DIST, name);
    writeFileSync(file, html);
    const size = statSync(file).size;
    console.log(`${relative(ROOT, file)}  ${(size / 1024).toFixed(1)} KB  gzip ${(gzipSync(html).length / 1024).toFixed(1)} KB`);
  }
  console.log(`single-file editions built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
