/** Embeds for journalists: iframes on another site that size themselves, exports that carry the source. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Download } from 'playwright-core';
import { useSite, openPage, freePort, screenshot, downloadBytes, ROOT, SHOTS } from './harness.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { unzipSync } from 'fflate';
import { readAtlas } from '../atlasFile.ts';

const EMBEDS = [
  { id: 'e-regions', q: 'chart=regions' },
  { id: 'e-ranking', q: 'chart=ranking&lang=en&layer=local&stage=target-1&metric=sales' },
  { id: 'e-growth', q: 'chart=growth&subject=dalian-15' },
  { id: 'e-map', q: 'chart=map&region=northeast' },
];

function sandboxPage(site: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>sandbox host</title></head><body style="margin:0;width:640px">
<iframe sandbox="allow-scripts" data-cluster-atlas="sb" src="${site}/embed.html?chart=sectors&lang=en&id=sb" title="sandboxed" style="width:100%;height:500px;border:0"></iframe>
<script src="${site}/embed.js"></script></body></html>`;
}

function hostPage(site: string): string {
  const frames = EMBEDS.map((e) => `<iframe data-cluster-atlas="${e.id}" src="${site}/embed.html?${e.q}&id=${e.id}" title="${e.id}" style="width:100%;height:520px;border:0"></iframe>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body style="margin:0;width:720px">
<h1>A newspaper article</h1>${frames}
<script src="${site}/embed.js"></script></body></html>`;
}

async function frameState(page: Page, id: string) {
  const el = page.locator(`iframe[data-cluster-atlas="${id}"]`);
  const frame = await (await el.elementHandle())!.contentFrame();
  const inner = await frame!.evaluate(() => ({ content: Math.ceil(document.documentElement.getBoundingClientRect().height), scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight, ready: window.__atlas?.ready === true }));
  const outer = await el.evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
  return { ...inner, outer };
}

describe('embeds on a host page', () => {
  const site = useSite();
  let host: HttpServer;
  let hostOrigin = '';
  before(async () => {
    const port = await freePort();
    host = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(req.url === '/' ? hostPage(site.server.origin) : req.url === '/sandbox' ? sandboxPage(site.server.origin) : '<!doctype html><title>x</title>');
    });
    await new Promise<void>((r) => host.listen(port, '127.0.0.1', () => r()));
    hostOrigin = `http://127.0.0.1:${port}`;
  });
  after(() => new Promise<void>((r) => host.close(() => r())));

  it('three charts and the map reach their content height, show no scrollbar, and log no error', async () => {
    const context = await site.browser.newContext({ viewport: { width: 760, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(hostOrigin + '/');
    for (const e of EMBEDS) {
      // Chromium does not run frames of cross-origin iframes off screen: bring each into view, as a reader would.
      await page.locator(`iframe[data-cluster-atlas="${e.id}"]`).scrollIntoViewIfNeeded();
      const frame = await (await page.locator(`iframe[data-cluster-atlas="${e.id}"]`).elementHandle())!.contentFrame();
      await frame!.waitForFunction(() => window.__atlas?.ready === true).catch(async (err) => {
        await page.screenshot({ path: join(SHOTS, 'embed-host-fail.png'), fullPage: true });
        throw new Error(`${e.id} never became ready: ${String(err)}; errors: ${errors.join(' | ')}`);
      });
    }
    for (const e of EMBEDS) {
      await page.waitForFunction(
        (id) => {
          const f = document.querySelector<HTMLIFrameElement>(`iframe[data-cluster-atlas="${id}"]`)!;
          return f.style.height !== '520px';
        },
        e.id,
      );
      const s = await frameState(page, e.id);
      assert.ok(Math.abs(s.outer - s.content) <= 2, `${e.id}: frame ${s.outer} px for content ${s.content} px`);
      assert.ok(s.scroll <= s.client + 1, `${e.id}: scrolls inside (${s.scroll} > ${s.client})`);
    }
    await page.screenshot({ path: join(SHOTS, 'embed-host.png'), fullPage: true });
    // A height message from the host's own origin (not an embed) is ignored.
    const before = await page.locator('iframe[data-cluster-atlas="e-regions"]').evaluate((f) => (f as HTMLIFrameElement).style.height);
    // The host page sees both false messages after embed.js has (its listener came first): then it has had its chance.
    await page.evaluate(() => {
      const seen: number[] = ((window as unknown as { __falseHeights: number[] }).__falseHeights = []);
      window.addEventListener('message', (e) => {
        if (e.data?.type === 'cluster-atlas:height' && (e.data.height === 77 || e.data.height === 66)) seen.push(e.data.height);
      });
    });
    await page.evaluate(() => window.postMessage({ type: 'cluster-atlas:height', id: 'e-regions', height: 77 }, '*'));
    // And one from a frame on a foreign origin.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.setAttribute('data-cluster-atlas', 'e-regions');
      document.body.append(f);
      return new Promise((r) => (f.onload = r));
    }, hostOrigin + '/foreign');
    await page.evaluate(() => {
      const frames = document.querySelectorAll('iframe');
      ((frames[frames.length - 1] as HTMLIFrameElement).contentWindow as unknown as { eval(code: string): void }).eval("parent.postMessage({ type: 'cluster-atlas:height', id: 'e-regions', height: 66 }, '*')");
    });
    await page.waitForFunction(() => (window as unknown as { __falseHeights: number[] }).__falseHeights.length === 2);
    assert.equal(await page.locator('iframe[data-cluster-atlas="e-regions"]').first().evaluate((f) => (f as HTMLIFrameElement).style.height), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an embed works inside a sandbox="allow-scripts" iframe and still sizes itself', async () => {
    const context = await site.browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(hostOrigin + '/sandbox');
    const frame = await (await page.locator('iframe[data-cluster-atlas="sb"]').elementHandle())!.contentFrame();
    await frame!.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await frame!.evaluate(() => origin), 'null', 'the frame runs with an opaque origin');
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe')!.style.height !== '500px');
    const s = await frameState(page, 'sb');
    assert.ok(Math.abs(s.outer - s.content) <= 2, `frame ${s.outer} px for content ${s.content} px`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

async function download(page: Page, key: string): Promise<Buffer> {
  if (!(await page.locator('.export-menu[open]').count())) await page.locator('.export-menu summary').first().click();
  const [d] = (await Promise.all([page.waitForEvent('download'), page.click(`.export-item[data-export="${key}"]`)])) as [Download, unknown];
  return downloadBytes(d);
}

/** Width, height and pixel variance of a PNG, decoded by the browser. */
async function pngStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, sq = 0, n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      const v = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
      sum += v;
      sq += v * v;
      n++;
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, variance: sq / n - mean * mean };
  }, bytes.toString('base64'));
}

describe('exports', () => {
  const site = useSite();

  it('a chart exports PNG at 1×, 2× and print size, SVG with title and source, CSV with BOM, rows and citation', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html?chart=ranking&layer=local&stage=target-1', { acceptDownloads: true, viewport: { width: 800, height: 900 } });
    const svgWidth = Number(await page.locator('.embed-chart svg').first().getAttribute('width'));
    const one = await pngStats(page, await download(page, 'png-1x'));
    assert.equal(one.width, svgWidth);
    assert.ok(one.variance > 100, `not blank (variance ${one.variance})`);
    const two = await pngStats(page, await download(page, 'png-2x'));
    assert.equal(two.width, svgWidth * 2);
    const print = await pngStats(page, await download(page, 'png-print'));
    assert.equal(print.width, 3000);
    const svg = (await download(page, 'svg')).toString('utf8');
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') != null, text: doc.documentElement.textContent ?? '', font: doc.documentElement.getAttribute('font-family') ?? '' };
    }, svg);
    assert.equal(parsed.error, false);
    const title = (await page.locator('.embed-title').textContent())!;
    assert.ok(parsed.text.includes(title), 'the SVG carries the title');
    assert.match(parsed.text, /大政发/, 'and the source');
    assert.match(parsed.font, /Noto Sans CJK SC/);
    const csv = (await download(page, 'csv-shown')).toString('utf8');
    assert.equal(csv.charCodeAt(0), 0xfeff, 'BOM');
    const table = parseCsv(csv);
    assert.ok(table.rows.length >= 17, `${table.rows.length} rows`);
    assert.match(table.rows[table.rows.length - 1]!.cells[0]!, /产业集群地图（Cluster Atlas）/);
    const full = parseCsv((await download(page, 'csv-full')).toString('utf8'));
    assert.ok(full.header.includes('year_status') && full.header.includes('source') && full.header.includes('kind'));
    const atlas = readAtlas() as { figures: unknown[] };
    assert.equal(full.rows.length, atlas.figures.length + 1, 'every figure plus the citation line');
    guard.assertClean();
    await close();
  });

  it('the map exports a PNG merging base map, clusters and text, not blank', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html?chart=map&lang=en', { acceptDownloads: true, viewport: { width: 800, height: 900 } });
    const stats = await pngStats(page, await download(page, 'png-1x'));
    assert.ok(stats.width > 600 && stats.height > 480, `${stats.width}×${stats.height}`);
    assert.ok(stats.variance > 200, `variance ${stats.variance}`);
    guard.assertClean();
    await close();
  });

  for (const [name, q] of [['static', 'chart=regions&static=1'], ['dark', 'chart=ranking&theme=dark&lang=en'], ['plain', 'chart=growth&plain=1']] as const) {
    it(`the ${name} embed renders`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, `/embed.html?${q}`, { viewport: { width: 640, height: 800 } });
      if (name === 'static') {
        assert.equal(await page.locator('.export-menu, button').count(), 0, 'no controls');
        const href = (await page.locator('a.embed-data').getAttribute('href'))!;
        const bytes = Buffer.from(await (await fetch(href)).arrayBuffer());
        // A zip whose first entry is figures.csv, UTF-8 with a BOM.
        assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'a zip archive');
        const files = unzipSync(new Uint8Array(bytes));
        assert.equal(Object.keys(files)[0], 'figures.csv');
        assert.deepEqual([...files['figures.csv']!.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
        assert.match(Buffer.from(files['figures.csv']!.subarray(3)).toString('utf8'), /^id,subject_type/);
      }
      if (name === 'plain') assert.equal(await page.locator('.embed-head, .embed-foot').count(), 0);
      if (name === 'dark') assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
      await screenshot(page, `embed-${name}`);
      guard.assertClean();
      await close();
    });
  }
});

describe('without JavaScript', () => {
  const site = useSite();
  for (const page of ['/', '/embed.html', '/present.html']) {
    it(`${page} says what it is and links to the data`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const p = await context.newPage();
      await p.goto(site.server.origin + page);
      assert.ok(await p.locator('.noscript').first().isVisible(), 'the <noscript> text shows');
      assert.match((await p.locator('.noscript[lang="en"]').textContent()) ?? '', /Cluster Atlas maps China/);
      const href = await p.locator('.noscript a[href$="cluster-atlas-data.zip"]').first().getAttribute('href');
      const res = await fetch(new URL(href!, site.server.origin + page).href);
      assert.equal(res.status, 200);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'a zip archive');
      assert.ok(bytes.includes(Buffer.from('figures.csv')), 'with the figures table');
      await context.close();
    });
  }
});

describe('share & embed on the explore page', () => {
  const site = useSite();
  it('gives the permalink, a snippet of the current view and a live preview; charts and the map export', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=ranking&region=west&metric=sales', { acceptDownloads: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await page.click('#share-open');
    const dialog = page.locator('dialog.share-dialog');
    await dialog.waitFor();
    assert.match(await dialog.locator('.share-field').inputValue(), /tab=ranking/);
    const code = await dialog.locator('.share-code').inputValue();
    assert.match(code, /<iframe src="[^"]*embed\.html\?[^"]*region=west[^"]*chart=ranking/);
    assert.match(code, /embed\.js/);
    const preview = await (await dialog.locator('iframe.share-preview').elementHandle())!.contentFrame();
    await preview!.waitForFunction(() => window.__atlas?.ready === true);
    assert.ok((await preview!.locator('.embed-chart svg').count()) > 0);
    await dialog.locator('.share-copy').first().click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await dialog.locator('.share-field').inputValue());
    await dialog.locator('.share-close').click();
    // The chart's own download menu.
    const csv = parseCsv((await download(page, 'csv-shown')).toString('utf8'));
    assert.ok(csv.rows.length > 5);
    // The map's download menu (the side panel's).
    await page.locator('.side .export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('.side .export-item[data-export="png-1x"]')]);
    const stats = await pngStats(page, await downloadBytes(d));
    assert.ok(stats.variance > 200 && stats.width > 500, JSON.stringify(stats));
    guard.assertClean();
    await close();
  });
});
