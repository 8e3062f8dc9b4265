/**
 * The sources and method page (sources.html): every batch and source has its entry, grade badges say the
 * source's grade, a hash opens its entry in view, bad input (unknown or malformed hash, failed load) is
 * survived, and the page fits a phone and a desktop in both languages.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, screenshot, ROOT, messages } from './harness.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';

const atlas = readAtlas() as Atlas;
const strings = {
  zh: messages('zh'),
  en: messages('en'),
};
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
] as const;
const path = (lang: 'zh' | 'en', hash = '') => `/sources.html${lang === 'en' ? '?lang=en' : ''}${hash}`;

describe('sources page', () => {
  const site = useSite();

  for (const lang of ['zh', 'en'] as const) {
    for (const viewport of VIEWPORTS) {
      it(`(${lang}, ${viewport.width} px) has an entry for every batch and source, badges matching grades`, async () => {
        const { page, guard, close } = await openPage(site.browser, site.server.origin, path(lang), { viewport });
        assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
        assert.match(await page.title(), new RegExp(strings[lang]['sources.title']!));
        for (const b of atlas.batches) assert.equal(await page.locator(`#batch-${b.id}`).count(), 1, `batch ${b.id}`);
        for (const s of atlas.sources) {
          const entry = page.locator(`#src-${s.id}`);
          assert.equal(await entry.count(), 1, `source ${s.id}`);
          const badge = entry.locator('.grade-badge');
          assert.equal(await badge.count(), 1, `${s.id} has one badge`);
          assert.equal((await badge.textContent())?.trim(), strings[lang][`grade.${s.grade}`], `${s.id} badge says ${s.grade}`);
          assert.equal(await badge.getAttribute('data-grade'), s.grade);
        }
        // Links out are to http(s) only, never opener-linked; the page fetched none of them (the guard).
        for (const href of await page.locator('#sources a.address').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.getAttribute('rel')}`))) {
          assert.match(href, /^https?:\/\/\S+ .*noopener.*noreferrer|^https?:\/\/\S+ .*noreferrer.*noopener/, href);
        }
        // Every batch's source link points at an entry on this page.
        for (const href of await page.locator('.batch a[href*="#src-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
          const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
          assert.equal(await page.locator(`[id="${id}"]`).count(), 1, href);
          if (lang === 'en') assert.match(href, /lang=en/);
        }
        // The table of contents leads to sections that exist.
        for (const href of await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
          assert.equal(await page.locator(href).count(), 1, href);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'nothing overflows horizontally');
        await screenshot(page, `sources-page-${lang}-${viewport.width}`);
        guard.assertClean();
        await close();
      });
    }
  }

  it('rows found are the data: "found / official (pct)" per batch with an official count', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, path('en'));
    for (const b of atlas.batches) {
      const found = Number(await page.locator(`#batch-${b.id} .found`).getAttribute('data-found'));
      assert.ok(Number.isInteger(found) && found >= 0, b.id);
      const text = (await page.locator(`#batch-${b.id} .found`).textContent()) ?? '';
      if (b.official_count != null) assert.match(text, new RegExp(`^${found} / ${b.official_count} \\(${Math.round((found / b.official_count) * 100)}%\\)$`), `${b.id}: ${text}`);
    }
    guard.assertClean();
    await close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`(${lang}) opening #src-<id> scrolls that entry into view`, async () => {
      const target = atlas.sources[atlas.sources.length - 1]!;
      const { page, guard, close } = await openPage(site.browser, site.server.origin, path(lang, `#src-${target.id}`), { viewport: { width: 1440, height: 900 } });
      const entry = page.locator(`#src-${target.id}`);
      assert.ok(await entry.evaluate((el) => el.classList.contains('is-target')));
      const box = (await entry.boundingBox())!;
      assert.ok(box.y >= -1 && box.y < 900 - 20, `the entry is on screen (${box.y})`);
      assert.ok(await page.evaluate(() => window.scrollY > 0), 'the page scrolled');
      guard.assertClean();
      await close();
    });
  }

  it('opening #batch-<id> scrolls that batch into view', async () => {
    const target = atlas.batches[atlas.batches.length - 1]!;
    const { page, guard, close } = await openPage(site.browser, site.server.origin, path('zh', `#batch-${target.id}`), { viewport: { width: 375, height: 812 } });
    const box = (await page.locator(`#batch-${target.id}`).boundingBox())!;
    assert.ok(box.y >= -1 && box.y < 812 - 20, `the batch is on screen (${box.y})`);
    guard.assertClean();
    await close();
  });

  for (const hash of ['#src-no-such-source', '#%E0%A4%A', '#"><img src=x>']) {
    it(`an unknown or malformed hash (${hash}) is ignored`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, path('zh', hash));
      assert.equal(await page.locator('.is-target').count(), 0);
      assert.equal(await page.locator('#sources .source').count(), atlas.sources.length);
      guard.assertClean();
      await close();
    });
  }

  it('the grade filter hides and shows the entries of one grade', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, path('en'));
    const low = atlas.sources.filter((s) => s.grade === 'low').length;
    assert.ok(low > 0, 'the data has low-grade sources');
    await page.locator('.grade-filter input[value="low"]').uncheck();
    assert.equal(await page.locator('#sources .source[data-grade="low"]:visible').count(), 0);
    assert.equal(await page.locator('#sources .source:visible').count(), atlas.sources.length - low);
    await page.locator('.grade-filter input[value="low"]').check();
    assert.equal(await page.locator('#sources .source:visible').count(), atlas.sources.length);
    guard.assertClean();
    await close();
  });

  it('hostile text and addresses in the data are shown as text, never as markup or script links', async () => {
    const evil = { ...atlas, sources: atlas.sources.map((s, i) => ({ ...s, title_zh: '<img src=x onerror="window.__pwned=1">', title_en: '<script>window.__pwned=2</script>', url: i % 2 ? 'javascript:window.__pwned=3' : s.url, read_at: i % 3 ? 'data:text/html,<b>x</b>' : s.read_at })) };
    const context = await site.browser.newContext();
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await context.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(evil) }));
    await p.goto(site.server.origin + path('zh'));
    await p.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await p.locator('#sources img, #sources script').count(), 0);
    for (const href of await p.locator('#sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) assert.doesNotMatch(href, /^(javascript|data):/i, href);
    assert.ok((await p.locator('#sources .source-title').first().textContent())?.includes('<img'), 'the title is text');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a failed data fetch shows the retry message, and the retry works', async () => {
    const context = await site.browser.newContext();
    const p = await context.newPage();
    let fail = true;
    await context.route('**/data/atlas.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await p.goto(site.server.origin + path('en'));
    await p.locator('.load-error').waitFor();
    assert.match((await p.locator('.load-error').textContent()) ?? '', /503/);
    fail = false;
    await p.click('.retry');
    await p.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await p.locator('#sources .source').count(), atlas.sources.length);
    await context.close();
  });
});
