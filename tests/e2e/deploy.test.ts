/**
 * Works wherever it is put: the built files only use types a stock server knows and parse as ES2020;
 * Debian's nginx with the README's config serves every page cleanly; a map that cannot start falls back
 * to SVG and says why; pages opened from disk explain themselves; the offline edition and a saved
 * meeting file run from disk with the network blocked (the meeting file without WebGL too).
 *
 * How each can fail: emit a .mjs or .csv (mime test); build for es2022 or add top-level await in an
 * entry (parse test); drop the CORS header or the CSP header from scripts/deploy/nginx-site.conf, or
 * let the worker keep .mjs (nginx tests); make createBaseMap swallow errors (fallback test); remove
 * public/start-check.js (from-disk test); let the single-file build fetch anything, or break a page in it
 * (offline tests: the request log and the page guards).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'acorn';
import type { Browser, Page, BrowserContext } from 'playwright-core';
import { ROOT, SHOTS, messages, openPage, openBrowser, siteServer, startNginx, startStatic, type Server } from './harness.ts';
import type { Deck } from '../../src/present/schema.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { serializeUserLayer } from '../../src/data/userLayer.ts';
import { readTable } from '../../src/import/decode.ts';
import { mapHeaders } from '../../src/import/headers.ts';
import { buildUserLayer, type ImportOptions } from '../../src/import/build.ts';
import { Gazetteer, type GazetteerJson } from '../../src/import/gazetteer.ts';
import { withUserLayer } from '../../src/offline/withUserLayer.ts';
import { readAtlas } from '../atlasFile.ts';

const DIST = join(ROOT, 'dist');
const zh = messages('zh');
const en = messages('en');
const deck = JSON.parse(readFileSync(join(ROOT, 'public/data/decks/default.json'), 'utf8')) as Deck;

const allDistFiles = (): string[] => readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(DIST.length + 1));
/** What a browser asks for by name: not the data build's stored gzip copies (x.json.gz), which a server sends in place of x.json. */
const distFiles = (): string[] => allDistFiles().filter((f) => !f.endsWith('.json.gz'));

/** Extensions Debian's stock /etc/nginx/mime.types maps to a type. */
function stockTypes(): Map<string, string> {
  const text = readFileSync('/etc/nginx/mime.types', 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\s*([\w.+-]+\/[\w.+-]+)\s+([^;]+);/gm)) for (const ext of m[2]!.trim().split(/\s+/)) out.set(ext, m[1]!);
  return out;
}

describe('dist/ as built', () => {
  it('has only file types that Debian’s stock nginx knows (no .mjs, no .csv)', () => {
    const types = stockTypes();
    assert.equal(types.get('js'), 'application/javascript', 'the table was read');
    const unknown = distFiles().filter((f) => !types.has(extname(f).slice(1).toLowerCase()));
    assert.deepEqual(unknown, [], `files a stock server would send as application/octet-stream: ${unknown.join(', ')}`);
  });

  it('has a MIME map in the IIS web.config for every type the site uses', () => {
    const config = readFileSync(join(ROOT, 'scripts/deploy/web.config'), 'utf8');
    const mapped = new Set([...config.matchAll(/<mimeMap fileExtension="\.(\w+)"/g)].map((m) => m[1]));
    // IIS maps these itself in every version.
    for (const ext of ['html', 'css', 'png']) mapped.add(ext);
    const missing = [...new Set(distFiles().map((f) => extname(f).slice(1)))].filter((ext) => !mapped.has(ext));
    assert.deepEqual(missing, []);
  });

  it('parses as ES2020, every script file and every inline script', () => {
    const failures: string[] = [];
    const check = (name: string, code: string, sourceType: 'module' | 'script') => {
      try {
        parse(code, { ecmaVersion: 2020, sourceType });
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message}`);
      }
    };
    let inline = 0;
    for (const f of distFiles()) {
      if (f.endsWith('.js')) check(f, readFileSync(join(DIST, f), 'utf8'), f.startsWith('assets/') ? 'module' : 'script');
      if (!f.endsWith('.html')) continue;
      const html = readFileSync(join(DIST, f), 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1]!;
        const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? '';
        if (/src=/.test(attrs) || type === 'application/json') continue;
        // The offline edition carries maplibre's worker as text/plain, run later as a script.
        const worker = /id="atlas-worker"/.test(attrs);
        if (type && type !== 'module' && !worker) continue;
        inline++;
        check(`${f} inline #${inline}`, m[2]!, type === 'module' || worker ? 'module' : 'script');
      }
    }
    assert.ok(inline >= 5, `the single-file editions' inline scripts were checked (${inline})`);
    assert.deepEqual(failures, []);
  });
});

describe('behind Debian’s stock nginx', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startNginx();
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the headers of scripts/deploy/nginx-site.conf: types, CSP, CORS, caching, gzip', async () => {
    const worker = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('maplibre-gl-worker'))!;
    const res = await fetch(`${server.origin}/assets/${worker}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/javascript/);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const page = await fetch(`${server.origin}/`);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'.*frame-ancestors \*/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(page.headers.get('cache-control') ?? '', /no-cache/);
    const data = await fetch(`${server.origin}/data/cluster-atlas-data.zip`);
    assert.equal(data.headers.get('content-type'), 'application/zip');
  });

  it('sends each data file’s stored gzip copy (gzip_static), which holds that very file', async () => {
    const stored = allDistFiles().filter((f) => f.endsWith('.json.gz'));
    assert.ok(stored.includes('data/atlas.json.gz'), `the data build stored gzip copies: ${stored.join(', ')}`);
    assert.deepEqual(allDistFiles().filter((f) => f.startsWith('data/') && f.endsWith('.json') && !stored.includes(f + '.gz')), [], 'every data .json has its copy');
    const copy = readFileSync(join(DIST, 'data/atlas.json.gz'));
    // Raw bytes as sent (node's http, unlike fetch, does not decode them).
    const { request } = await import('node:http');
    const sent = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${server.origin}/data/atlas.json`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
      }).on('error', reject).end();
    });
    assert.equal(sent.headers['content-encoding'], 'gzip');
    assert.match(String(sent.headers['content-type']), /^application\/json/);
    assert.ok(sent.body.equals(copy), `the stored copy was sent as it is (${sent.body.length} bytes sent, ${copy.length} stored)`);
    assert.ok(gunzipSync(copy).equals(readFileSync(join(DIST, 'data/atlas.json'))), 'the copy holds atlas.json');
  });

  it('a browser too old for the site gets a plain message in both languages from the classic start-up check, never a blank page', async () => {
    const page = await browser.newPage();
    // An ES2019-era core: no Promise.allSettled, no String.prototype.matchAll.
    await page.addInitScript(() => {
      delete (Promise as { allSettled?: unknown }).allSettled;
      delete (String.prototype as { matchAll?: unknown }).matchAll;
    });
    await page.goto(`${server.origin}/`);
    const box = page.locator('.start-check');
    await box.waitFor();
    assert.match((await box.locator('[lang="zh-CN"]').first().textContent()) ?? '', /浏览器版本过旧/);
    assert.match((await box.locator('[lang="en"]').first().textContent()) ?? '', /too old/);
    assert.equal(await box.locator('a.start-check-offline').first().getAttribute('href'), 'cluster-atlas-offline.html');
    await page.close();
  });

  for (const [name, path, renderer] of [
    ['explore', '/', 'webgl'],
    ['explore (en, a chart tab)', '/?lang=en&tab=regions', 'webgl'],
    ['a chart embed', '/embed.html?chart=regions', null],
    ['the map embed', '/embed.html?chart=map', 'webgl'],
    ['present', '/present.html', 'webgl'],
    ['sources', '/sources.html', null],
  ] as const) {
    it(`serves ${name} clean`, async () => {
      const { page, guard, close } = await openPage(browser, server.origin, path);
      if (renderer) assert.equal(await page.evaluate(() => window.__atlas?.renderer), renderer, 'the WebGL map started');
      assert.equal(await page.locator('.start-check, .start-failure').count(), 0);
      guard.assertClean();
      await close();
    });
  }
});

describe('a map that cannot start', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    // A host without a type for the worker's file, as stock servers were for .mjs.
    server = await startStatic((path) => (path.includes('maplibre-gl-worker') ? 'application/octet-stream' : null));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [lang, path] of [
    ['zh', '/'],
    ['en', '/embed.html?chart=map&lang=en'],
  ] as const) {
    it(`falls back to the SVG map and names the cause (${lang}, ${path})`, async () => {
      const { page, guard, close } = await openPage(browser, server.origin, path);
      assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
      assert.equal(await page.locator('svg.svg-map').count(), 1, 'the SVG map is drawn');
      assert.equal(await page.locator('.maplibregl-canvas').count(), 0, 'nothing of the failed map is left');
      const notice = (await page.locator('.notice').allTextContents()).join(' ');
      const cat = lang === 'zh' ? zh : en;
      assert.ok(notice.includes(cat['map.failed.worker']!.split('{detail}')[0]!), `the notice names the worker: ${notice}`);
      assert.ok(!notice.includes(cat['map.nowebgl']!), 'and does not blame WebGL');
      // The browser may report the refused worker script itself: that is the one console error allowed.
      guard.consoleErrors.splice(0, guard.consoleErrors.length, ...guard.consoleErrors.filter((m) => !/MIME type|worker/i.test(m)));
      guard.assertClean();
      await close();
    });
  }
});

/** A context that records every request and answers none that leave the file (the network is cut). */
async function diskContext(browser: Browser, file: string, opts: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; requests: string[]; errors: string[]; watch(p: Page): void }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, ...opts });
  await context.setOffline(true);
  const self = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.split(/[?#]/)[0] === self) return route.continue();
    requests.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (p: Page) => {
    p.on('console', (m) => m.type() === 'error' && !/GPU stall|texSubImage2D/.test(m.text()) && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(e.message));
  };
  return { context, requests, errors, watch };
}

describe('opened from disk', () => {
  let browser: Browser;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => browser?.close());

  for (const file of ['index.html', 'embed.html', 'present.html', 'sources.html']) {
    it(`${file} says in both languages that it needs a web server, and links the offline edition`, async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(DIST, file)).href);
      const box = page.locator('.start-check');
      await box.waitFor();
      assert.match((await box.locator('[lang="zh-CN"]').first().textContent()) ?? '', /网站服务器/);
      assert.match((await box.locator('[lang="en"]').first().textContent()) ?? '', /web server/);
      const href = await box.locator('a.start-check-offline').first().getAttribute('href');
      assert.ok(existsSync(join(DIST, href!)), `${href} is in dist/`);
      if (file === 'index.html') await page.screenshot({ path: join(SHOTS, 'from-disk-index.png') });
      await page.close();
    });
  }

  it('the offline edition runs by itself: map, list, panel, charts, English, present mode, sources', async () => {
    const file = join(DIST, 'cluster-atlas-offline.html');
    const { context, requests, errors, watch } = await diskContext(browser, file);
    const page = await context.newPage();
    watch(page);
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.ok(['webgl', 'svg'].includes((await page.evaluate(() => window.__atlas?.renderer)) ?? ''), 'a map is drawn');
    assert.equal(await page.locator('.start-check').count(), 0, 'no "needs a server" message in the offline edition');
    assert.equal(await page.locator('#share-open').isVisible(), false, 'no embed codes for a file on disk');
    await page.screenshot({ path: join(SHOTS, 'offline-explore-zh.png') });
    // The list, the detail panel.
    const row = page.locator('.cluster-list tbody tr, .list-host [role="row"][data-id], .list-host tr[data-id]').first();
    await row.waitFor();
    await row.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('cluster'));
    assert.ok(await page.locator('#detail').isVisible(), 'the detail panel opens');
    // English, a chart tab, and a page this file does not have (reported, never blank), in one load.
    await page.goto(`${url}?page=nowhere&lang=en&layer=local&stage=target-1&tab=ranking`);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), `${en['site.title']} · ${en['site.tagline']}`);
    assert.match((await page.locator('.notice').allTextContents()).join(' '), /page=nowhere/);
    assert.ok((await page.locator('.chart-host svg, figure svg').count()) >= 1, 'the ranking chart is drawn');
    await page.screenshot({ path: join(SHOTS, 'offline-explore-en.png') });
    // Present mode inside the same file, walked slide by slide.
    await page.goto(`${url}?page=present`);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    for (let i = 1; i < deck.slides.length; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((h) => document.querySelector('.present-stage .slide-headline')?.textContent === h, deck.slides[i]!.headline.zh);
    }
    // The sources page, reached by its link.
    await page.goto(`${url}?page=sources`);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.ok((await page.locator('[id^="src-"]').count()) > 10, 'the sources page lists the sources');
    assert.deepEqual(requests, [], 'no request left the file');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an offline edition saved with an imported table shows that table from disk', async () => {
    const atlas = readAtlas() as Atlas;
    const gazetteer = new Gazetteer(JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/places.json'), 'utf8')) as GazetteerJson);
    const table = readTable(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import/excel-gbk.csv'))));
    const options: ImportOptions = { fileName: 'excel-gbk.csv', sourceLine: '衡水市统计局', grade: 'official', mode: 'beside', defaultMetric: 'output', defaultStage: 'baseline', defaultYear: null, defaultSector: 'other', choices: {}, now: '2025-01-02T00:00:00.000Z' };
    const { payload } = buildUserLayer(table, mapHeaders(table.header, atlas.metrics), options, atlas, gazetteer);
    assert.ok(payload && payload.clusters.length > 0, 'the fixture builds a layer');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-offline-user-'));
    const file = join(dir, 'with-my-data.html');
    writeFileSync(file, withUserLayer(readFileSync(join(DIST, 'cluster-atlas-offline.html'), 'utf8'), serializeUserLayer(payload)));
    const { context, requests, errors, watch } = await diskContext(browser, file);
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${pathToFileURL(file).href}?layer=user`);
      await page.waitForFunction(() => window.__atlas?.ready === true);
      const list = (await page.locator('.list-host').textContent()) ?? '';
      for (const c of payload.clusters) assert.ok(list.includes(c.name_zh), `${c.name_zh} is listed`);
      for (const c of payload.clusters) assert.ok(await page.evaluate((id) => window.__atlas?.locate?.(id) != null, c.id), `${c.id} is on the map`);
      assert.deepEqual(requests, [], 'no request left the file');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a meeting file saved from present.html walks every slide from disk with no network and no WebGL', async () => {
    const server = await siteServer();
    const dir = mkdtempSync(join(tmpdir(), 'atlas-meeting-'));
    const noWebgl = await openBrowser(['--disable-webgl', '--disable-3d-apis']);
    try {
      const { page: live, guard, close } = await openPage(browser, server.origin, '/present.html?lang=en', { acceptDownloads: true, viewport: { width: 1280, height: 720 } });
      const [download] = await Promise.all([live.waitForEvent('download'), live.click('.save-offline-btn')]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert.match(download.suggestedFilename(), /\.html$/);
      guard.assertClean();
      await close();

      const { context, requests, errors, watch } = await diskContext(noWebgl, file, { viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      watch(page);
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => window.__atlas?.ready === true);
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'it opens in the language it was saved in');
      assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
      assert.equal(await page.locator('.save-offline-btn').count(), 0, 'a meeting file does not offer to save itself');
      for (let i = 0; i < deck.slides.length; i++) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await page.waitForFunction((h) => document.querySelector('.present-stage .slide-headline')?.textContent === h, deck.slides[i]!.headline.en);
        if (i === 0) await page.screenshot({ path: join(SHOTS, 'meeting-file-slide1-en.png') });
      }
      // Overview, notes window, print.
      await page.keyboard.press('o');
      assert.equal(await page.locator('.present-overview .thumb').count(), deck.slides.length);
      await page.keyboard.press('Escape');
      const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
      watch(notes);
      await notes.waitForFunction(() => window.__atlas?.ready === true);
      await page.keyboard.press('Home');
      await notes.waitForFunction((h) => document.querySelector('.notes-headline')?.textContent === h, deck.slides[0]!.headline.en);
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.handout > .handout-page').count(), deck.slides.length, 'one printed page per slide');
      assert.deepEqual(requests, [], 'no request left the file');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await noWebgl.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
