/**
 * Browser-test harness: serves the built site with `vite preview` on a free local port and drives
 * Debian's chromium through playwright-core. Every page opened through `openPage` is guarded: any
 * console error, page error or request to another origin makes `guard.assertClean()` throw.
 *
 * Under `npm run test:e2e` (scripts/e2e.ts) every test file shares one server of the built site and one
 * chromium, which the runner names in ATLAS_ORIGIN and ATLAS_BROWSER_WS: `useSite()` then uses them (each
 * test still opens its own browser context). A file run alone (`node --import tsx --test tests/e2e/x.test.ts`)
 * starts its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page, type BrowserContextOptions, type Download } from 'playwright-core';
import { GL_DRAW_COUNTER } from './settle.ts';

export { settle } from './settle.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHOTS = join(ROOT, 'tests', 'screenshots');

/** Every message of one language: the core catalogue and all its parts (src/i18n/). */
export function messages(lang: 'zh' | 'en'): Record<string, string> {
  const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'src/i18n', file), 'utf8')) as Record<string, string>;
  return Object.assign(read(`${lang}.json`), ...['import', 'sources', 'present', 'trends'].map((p) => read(`parts/${p}.${lang}.json`)));
}

/** Console lines that are known to be harmless, by exact pattern only. */
const ALLOWED_CONSOLE = [/GPU stall due to ReadPixels/, /texSubImage2D: no canvas/];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  origin: string;
  stop(): Promise<void>;
}

/** `vite preview` of dist/ (run `npm run build` first; `npm test` does). */
export async function startPreview(outDir = process.env['ATLAS_DIST'] ?? 'dist'): Promise<Server> {
  if (!existsSync(join(ROOT, outDir, 'index.html'))) throw new Error(`${outDir}/index.html missing: run npm run build first`);
  const port = await freePort();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin, child);
  return { origin, stop: () => stopChild(child) };
}

async function waitForHttp(origin: string, child: ChildProcess, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    try {
      const res = await fetch(origin + '/');
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer at ${origin}: ${log}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Debian's stock nginx serving dist/ with the project's site config (scripts/deploy/nginx-site.conf)
 * and the stock /etc/nginx/mime.types, on a free loopback port; stopped with the returned server.
 */
export async function startNginx(outDir = 'dist'): Promise<Server> {
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!bin) throw new Error('nginx is missing: npm test installs it (scripts/ensure-browser.sh)');
  const root = join(ROOT, outDir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${outDir}/index.html missing: run npm run build first`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-'));
  const conf = [
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${dir}/${k};`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    `    include ${join(ROOT, 'scripts', 'deploy', 'nginx-site.conf')};`,
    '  }',
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(bin, ['-e', `${dir}/error.log`, '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(origin, child);
  } catch (err) {
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return {
    origin,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.zip': 'application/zip' };

/**
 * A minimal static server of dist/ whose `typeOf` can override a file's Content-Type: for tests of a
 * host that serves a file with the wrong type (as a stock server does with a type it does not know).
 */
export async function startStatic(typeOf: (path: string) => string | null, outDir = 'dist'): Promise<Server> {
  const { createServer: createHttp } = await import('node:http');
  const { extname, normalize } = await import('node:path');
  const root = join(ROOT, outDir);
  const server = createHttp((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': typeOf(path) ?? TYPES[extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    res.end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A chromium of its own (the benches measure in one; `openBrowser` is the tests' way). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * The chromium a test uses: the runner's shared one when there is one and no extra args are asked for
 * (its close() only disconnects, closing this connection's contexts), else one of its own.
 */
export async function openBrowser(extraArgs: string[] = []): Promise<Browser> {
  const ws = process.env['ATLAS_BROWSER_WS'];
  return patient(ws && extraArgs.length === 0 ? await chromium.connect(ws) : await launchBrowser(extraArgs));
}

/**
 * How long any wait of a test (an element, a navigation, a page function) may take before it fails. The
 * machines the tests run on are shared and at times two or three times slower than usual; a wait that
 * is met returns at once, so a long limit costs nothing when the page works and only delays a failure.
 */
export const WAIT_MS = 90_000;

/** The browser, with every context it opens (newContext, newPage) waiting up to WAIT_MS. */
function patient(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const slow = <T extends BrowserContext>(c: T): T => (c.setDefaultTimeout(WAIT_MS), c.setDefaultNavigationTimeout(WAIT_MS), c);
  browser.newContext = async (o) => slow(await newContext(o));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (o) => {
    const page = await newPage(o);
    slow(page.context());
    return page;
  };
  return browser;
}

/** The built site: the runner's shared server when there is one (stop() leaves it running), else a `vite preview` of its own. */
export function siteServer(): Promise<Server> {
  const origin = process.env['ATLAS_ORIGIN'];
  return origin ? Promise.resolve({ origin, stop: async () => undefined }) : startPreview();
}

/**
 * A download's bytes. Read through its stream, not `download.path()`: the path is not available through
 * a connected browser (the runner's shared one).
 */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface Guard {
  consoleErrors: string[];
  pageErrors: string[];
  offOrigin: string[];
  assertClean(): void;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Wait for window.__atlas.ready (explore page) — default true for index pages. */
  waitReady?: boolean;
  /** Runs before the page is opened (e.g. a page.route that holds back one file). */
  beforeGoto?(page: Page): Promise<unknown>;
}

export async function openPage(browser: Browser, origin: string, path: string, opts: OpenOptions = {}): Promise<{ page: Page; guard: Guard; close(): Promise<void> }> {
  const { waitReady, beforeGoto, ...ctxOpts } = opts;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...ctxOpts });
  // Counts WebGL draw calls, for `settle()` to know when the maps have stopped drawing.
  await context.addInitScript({ content: GL_DRAW_COUNTER });
  const page = await context.newPage();
  const guard: Guard = {
    consoleErrors: [],
    pageErrors: [],
    offOrigin: [],
    assertClean() {
      const problems = [
        ...guard.consoleErrors.map((m) => `console error: ${m}`),
        ...guard.pageErrors.map((m) => `page error: ${m}`),
        ...guard.offOrigin.map((u) => `request to another origin: ${u}`),
      ];
      if (problems.length) throw new Error(`page ${path} was not clean:\n  ${problems.join('\n  ')}`);
    },
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (!ALLOWED_CONSOLE.some((re) => re.test(text))) guard.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => guard.pageErrors.push(err.message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith(origin + '/') || url === origin) return route.continue();
    guard.offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  await beforeGoto?.(page);
  await page.goto(origin + path, { waitUntil: 'load' });
  if (waitReady ?? true) await page.waitForFunction(() => window.__atlas?.ready === true);
  return { page, guard, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * For a describe block: the built site and a browser before its tests, let go of after. Shared with the
 * other test files under the runner (see the top of this file); a browser with `extraArgs` is always its own.
 */
export function useSite(extraArgs: string[] = []): { server: Server; browser: Browser } {
  const ctx = {} as { server: Server; browser: Browser };
  before(async () => {
    ctx.server = await siteServer();
    ctx.browser = await openBrowser(extraArgs);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

/** The clusters a view shows by default for its layers (programme ids; default: those the data marks default_on). */
export function clustersOfLayers<T extends { clusters: { id: string; batch: string; province_adcode: string; source_id: string }[]; batches: { id: string; programme: string }[]; programmes: { id: string; default_on: boolean }[]; sources: { id: string; grade: string }[] }>(atlas: T, layers?: readonly string[]): T['clusters'] {
  const on = new Set(layers ?? atlas.programmes.filter((p) => p.default_on).map((p) => p.id));
  const batches = new Set(atlas.batches.filter((b) => on.has(b.programme)).map((b) => b.id));
  // Clusters confirmed only by low-grade sources are hidden by default.
  const low = new Set(atlas.sources.filter((s) => s.grade === 'low').map((s) => s.id));
  return atlas.clusters.filter((c) => batches.has(c.batch) && !low.has(c.source_id));
}
