/** Bad data at run time, slow networks and hostile text: a clear message, a retry, nothing executed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { useSite, openPage, screenshot, downloadBytes, ROOT } from './harness.ts';
import { readAtlas } from '../atlasFile.ts';

/** What each page draws once its data is in: the test's proof that the page is not blank. */
const CONTENT = '.legend tbody tr, .embed-body svg, .embed-body canvas, .slide';
const atlasText = readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8');
const atlas = readAtlas() as unknown as Record<string, unknown> & { clusters: Record<string, unknown>[]; sources: Record<string, unknown>[]; sites: Record<string, unknown>[] };

const FAILURES: { name: string; serve: (route: Route) => Promise<void>; expect: RegExp }[] = [
  { name: 'missing (404)', serve: (r) => r.fulfill({ status: 404, body: 'not here' }), expect: /404/ },
  { name: 'truncated', serve: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: atlasText.slice(0, 5000) }), expect: /JSON/ },
  { name: 'not JSON', serve: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '<html>oops</html>' }), expect: /JSON/ },
  { name: 'wrong version', serve: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...atlas, version: 99 }) }), expect: /version/ },
  {
    name: 'a field of the wrong type',
    serve: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...atlas, clusters: [{ ...atlas.clusters[0], province_adcode: 42 }, ...atlas.clusters.slice(1)] }) }),
    expect: /clusters\.0\.province_adcode/,
  },
  { name: 'network failure', serve: (r) => r.abort('connectionrefused'), expect: /atlas\.json/ },
];

describe('bad or missing data at run time', () => {
  const site = useSite();
  // Every failure on the embed page; on the explore and present pages (slower to load, the same loader),
  // one of each family: the server's answer, the file's syntax, the file's content.
  const SAMPLE = new Set(['missing (404)', 'not JSON', 'a field of the wrong type']);
  for (const page of ['/', '/embed.html', '/present.html']) {
    for (const f of FAILURES.filter((x) => page === '/embed.html' || SAMPLE.has(x.name))) {
      it(`${page}: ${f.name} → a message and a retry that recovers`, async () => {
        const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
        const p = await context.newPage();
        const pageErrors: string[] = [];
        p.on('pageerror', (e) => pageErrors.push(e.message));
        let broken = true;
        await context.route('**/data/atlas.json', (route) => (broken ? f.serve(route) : route.continue()));
        await p.goto(site.server.origin + page + '?lang=en');
        const box = p.locator('.load-error');
        await box.waitFor();
        assert.match((await box.textContent()) ?? '', f.expect);
        assert.equal(await p.locator(`${CONTENT}, .cluster-list`).count(), 0, 'nothing half-drawn');
        broken = false;
        await p.click('.retry');
        await p.waitForFunction(() => window.__atlas?.ready === true);
        assert.equal(await p.locator('.load-error').count(), 0);
        assert.ok((await p.locator(CONTENT).count()) > 0);
        assert.deepEqual(pageErrors, []);
        await context.close();
      });
    }
  }

  it('a slow network shows a progress indicator after a short delay', async () => {
    const context = await site.browser.newContext();
    const p = await context.newPage();
    // The data is held back until the indicator shows (not a fixed delay: the page's start time varies).
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    await context.route('**/data/atlas.json', async (route) => {
      await held;
      await route.continue();
    });
    await p.goto(site.server.origin + '/');
    await p.locator('.loading').waitFor();
    release();
    await p.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await p.locator('.loading').count(), 0);
    await context.close();
  });
});

const HOSTILE = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">', 'javascript:window.__pwned=3', '\u202Eevil\u200B\u200Dname'];

/** The real data with script, markup, javascript: links and bidi/zero-width characters in its names, notes and sources. */
function evilAtlas(): typeof atlas {
  const evil = readAtlas() as unknown as typeof atlas;
  evil.clusters = evil.clusters.map((c, i) => ({ ...c, name_zh: `${HOSTILE[i % 4]}${c['name_zh']}`, name_en: `${HOSTILE[(i + 1) % 4]}${c['name_en']}`, notes_zh: HOSTILE[0], notes_en: HOSTILE[1] }));
  evil.sources = evil.sources.map((s) => ({ ...s, title_zh: HOSTILE[1], title_en: HOSTILE[0], url: HOSTILE[2] }));
  evil.sites = evil.sites.map((s) => ({ ...s, place_zh: HOSTILE[1], place_en: HOSTILE[1] }));
  return evil;
}

describe('hostile text in the data', () => {
  const site = useSite();
  const evil = evilAtlas();

  for (const lang of ['zh', 'en'] as const) {
    it(`renders names, notes and sources as text everywhere and runs none of them (${lang})`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { waitReady: false });
      await page.route('**/data/atlas.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(evil) }));
      await page.goto(`${site.server.origin}/?lang=${lang}&layer=local&stage=target-1&cluster=dalian-petrochem&at=121.6,39.2,7`);
      await page.waitForFunction(() => window.__atlas?.ready === true);
      const at = await page.evaluate(() => window.__atlas!.locate!('dalian-petrochem'));
      await page.mouse.move(at![0] - 40, at![1] - 40);
      await page.mouse.move(at![0], at![1], { steps: 8 });
      await page.locator('.tooltip').waitFor({ state: 'visible' });
      const text = (await page.locator('body').textContent()) ?? '';
      assert.ok(text.includes('<script>window.__pwned=1</script>'), 'the script text shows as text');
      assert.ok(text.includes('<img src=x onerror="window.__pwned=2">'));
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal(await page.locator('main img, main script, #detail a[href^="javascript"]').count(), 0);
      await screenshot(page, `hostile-${lang}`);
      guard.assertClean();
      await close();
    });
  }
});

describe('hostile text in embeds, exports and slides', () => {
  const site = useSite();
  it('an embed shows hostile names as text in its chart and title, and its SVG export keeps them as text', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html', { waitReady: false, acceptDownloads: true });
    await page.route('**/data/atlas.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(evilAtlas()) }));
    for (const chart of ['ranking', 'growth&subject=dalian-petrochem']) {
      await page.goto(`${site.server.origin}/embed.html?chart=${chart}`);
      await page.waitForFunction(() => window.__atlas?.ready === true);
      const text = (await page.locator('body').textContent()) ?? '';
      assert.ok(text.includes('<script>window.__pwned=1</script>') || text.includes('<img src=x onerror="window.__pwned=2">'), chart);
      assert.equal(await page.locator('img, body script:not([src])').count(), 0);
    }
    await page.locator('.export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('.export-item[data-export="svg"]')]);
    const svg = (await downloadBytes(d)).toString('utf8');
    assert.doesNotMatch(svg, /<img|<script>/, 'markup in names is escaped in the SVG');
    assert.match(svg, /&lt;img src=x onerror=/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    guard.assertClean();
    await close();
  });

  it('a slide headline from the URL is text', async () => {
    const { addSlide } = await import('../../src/present/deckUrl.ts');
    const deck = addSlide(null, '?tab=regions', HOSTILE[1]!);
    const { page, guard, close } = await openPage(site.browser, site.server.origin, `/present.html?slides=${encodeURIComponent(deck)}`);
    assert.equal(await page.locator('.present-stage .slide-headline').textContent(), HOSTILE[1]);
    assert.equal(await page.locator('.present-stage img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    guard.assertClean();
    await close();
  });
});

describe('malformed URLs in the browser', () => {
  const site = useSite();
  it('each page renders a view, a notice names what was ignored, and nothing errors', async () => {
    const { badQueries } = await import('../unit/badUrls.ts');
    // 12 in the browser (the unit test feeds 500 to the parser): half on the embed page, the quickest to
    // load, three each on the explore and present pages, whose maps make each load slow.
    const queries = badQueries(12, 7);
    const pages = ['/embed.html', '/present.html', '/', '/embed.html'];
    for (let i = 0; i < queries.length; i++) {
      const path = pages[i % pages.length]! + queries[i]!;
      const { page, guard, close } = await openPage(site.browser, site.server.origin, path, { viewport: { width: 1024, height: 700 } });
      assert.ok((await page.locator(CONTENT).count()) > 0, `content drawn for ${path}`);
      assert.ok((await page.locator('.notice').count()) > 0, `a notice for ${path}`);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
      guard.assertClean();
      await close();
    }
  });
});
