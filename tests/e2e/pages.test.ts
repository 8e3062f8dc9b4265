/** The embed and present pages: real content from the data; the embed never loads the map libraries. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, screenshot } from './harness.ts';

describe('embed and present pages', () => {
  const site = useSite();

  for (const page of ['embed'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${page} (${lang}) shows the region table and loads no maplibre or deck.gl`, async () => {
        const scripts: string[] = [];
        const path = `/${page}.html${lang === 'en' ? '?lang=en' : ''}`;
        const { page: p, guard, close } = await openPage(site.browser, site.server.origin, path, { viewport: { width: 1280, height: 720 } });
        for (const entry of await p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))) {
          if (entry.endsWith('.js')) scripts.push(entry);
        }
        assert.ok(scripts.length > 0, 'the page loaded its script');
        for (const url of scripts) {
          const body = await (await fetch(url)).text();
          assert.doesNotMatch(body, /maplibre/i, `${url} carries maplibre`);
          assert.doesNotMatch(body, /deck\.gl|luma\.gl/, `${url} carries deck.gl`);
        }
        // The embed shows a chart (regions compared by default), the deck its slides.
        assert.ok((await p.locator(page === 'embed' ? '.embed-chart svg' : '.legend tbody tr, .slide').count()) > 0);
        assert.equal(await p.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
        await screenshot(p, `${page}-${lang}`);
        guard.assertClean();
        await close();
      });
    }
  }

  // The present page draws the WebGL map on its map slides, so it may load maplibre and deck.gl
  // (tests/e2e/present.test.ts covers it); here: it loads, in the right language, with its first slide.
  for (const lang of ['zh', 'en'] as const) {
    it(`present (${lang}) shows its first slide`, async () => {
      const path = `/present.html${lang === 'en' ? '?lang=en' : ''}`;
      const { page: p, guard, close } = await openPage(site.browser, site.server.origin, path, { viewport: { width: 1280, height: 720 } });
      assert.equal(await p.locator('.present-stage .slide').count(), 1);
      assert.ok(((await p.locator('.present-stage .slide-headline').textContent()) ?? '').length > 2);
      assert.equal(await p.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
      await screenshot(p, `present-${lang}`);
      guard.assertClean();
      await close();
    });
  }

  it('a failed data fetch shows a message and a retry that works', async () => {
    const context = await site.browser.newContext();
    const p = await context.newPage();
    let fail = true;
    await context.route('**/data/atlas.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await p.goto(site.server.origin + '/embed.html');
    await p.locator('.load-error').waitFor();
    assert.match((await p.locator('.load-error').textContent()) ?? '', /503/);
    fail = false;
    await p.click('.retry');
    await p.waitForFunction(() => window.__atlas?.ready === true);
    assert.ok((await p.locator('.embed-chart svg').count()) > 0);
    await context.close();
  });
});
