/**
 * Presentation mode: the default deck with the keys a clicker sends, overview, blank, number jump, the
 * notes window following the main one, a deck in the URL surviving a reload (and edits), the printed
 * handout (one PDF page per slide), screenshots of every slide, running with the network cut, and the
 * SVG map without WebGL.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSite, openPage, settle, ROOT, SHOTS } from './harness.ts';
import type { Deck } from '../../src/present/schema.ts';
import { addSlide, parseSlides } from '../../src/present/deckUrl.ts';

const deck = JSON.parse(readFileSync(join(ROOT, 'public/data/decks/default.json'), 'utf8')) as Deck;
const N = deck.slides.length;

const counter = (p: Page) => p.locator('.present-counter').textContent();
const headline = (p: Page) => p.locator('.present-stage .slide-headline').textContent();
const slideParam = (p: Page) => new URL(p.url()).searchParams.get('slide');

async function expectSlide(p: Page, n: number, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  await p.waitForFunction((want) => document.querySelector('.present-counter')?.textContent?.startsWith(`${want} /`), n);
  assert.equal(await counter(p), `${n} / ${N}`);
  assert.equal(slideParam(p), String(n), 'slide= in the URL');
  assert.equal(await headline(p), deck.slides[n - 1]!.headline[lang]);
  assert.equal(await p.locator('.present-stage .slide').getAttribute('data-slide'), String(n));
}

/** Counts page objects in a PDF: "/Type /Page" not followed by "s". */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('present: the default deck', () => {
  const site = useSite();

  it('moves with the clicker keys, jumps by number, opens the overview, blanks, and has buttons for all of it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html', { viewport: { width: 1280, height: 720 } });
    await expectSlide(page, 1);
    const steps: [string, number][] = [['ArrowRight', 2], ['PageDown', 3], ['Space', 4], ['ArrowLeft', 3], ['PageUp', 2], ['End', N], ['Home', 1], ['ArrowRight', 2], ['Shift+Space', 1]];
    for (const [key, n] of steps) {
      await page.keyboard.press(key);
      await expectSlide(page, n);
    }
    // A number then Enter.
    await page.keyboard.press('4');
    assert.ok(await page.locator('.present-goto').isVisible(), 'the typed number is shown');
    await page.keyboard.press('Enter');
    await expectSlide(page, 4);
    await page.keyboard.press('9');
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await expectSlide(page, N);
    // Overview: every slide, click one.
    await page.keyboard.press('o');
    const overview = page.locator('.present-overview');
    assert.ok(await overview.isVisible());
    assert.equal(await overview.locator('.thumb').count(), N);
    await overview.locator('.thumb[data-slide="2"]').click();
    assert.ok(!(await overview.isVisible()));
    await expectSlide(page, 2);
    await page.keyboard.press('O');
    await page.keyboard.press('Escape');
    assert.ok(!(await overview.isVisible()));
    // Blank: B, then B again; keys while blank only bring the slide back.
    await page.keyboard.press('b');
    assert.ok(await page.locator('.present-blank').isVisible());
    await page.keyboard.press('ArrowRight');
    assert.ok(!(await page.locator('.present-blank').isVisible()));
    await expectSlide(page, 2);
    await page.keyboard.press('B');
    await page.keyboard.press('B');
    assert.ok(!(await page.locator('.present-blank').isVisible()));
    // The mouse does the same.
    await page.click('.present-bar .next');
    await expectSlide(page, 3);
    await page.click('.present-bar .prev');
    await expectSlide(page, 2);
    await page.click('.present-bar .overview-btn');
    await overview.locator('.thumb[data-slide="5"]').click();
    await expectSlide(page, 5);
    await page.click('.present-bar .blank-btn');
    await page.locator('.present-blank').click();
    assert.ok(!(await page.locator('.present-blank').isVisible()));
    // Full screen: F asks for it (headless may refuse; either way, no error).
    await page.keyboard.press('f');
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    guard.assertClean();
    await close();
  });

  it('the notes window (N) shows the notes and follows the main window, and moves it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html?lang=en', { viewport: { width: 1280, height: 720 } });
    const [notes] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('n')]);
    await notes.waitForFunction(() => window.__atlas?.ready === true);
    notes.on('console', (m) => m.type() === 'error' && guard.consoleErrors.push(`notes: ${m.text()}`));
    notes.on('pageerror', (e) => guard.pageErrors.push(`notes: ${e.message}`));
    assert.equal(new URL(notes.url()).origin, site.server.origin);
    assert.equal(new URL(notes.url()).searchParams.get('notes'), '1');
    const notesHeadline = () => notes.locator('.notes-headline').textContent();
    assert.equal(await notesHeadline(), deck.slides[0]!.headline.en);
    assert.equal(await notes.locator('.notes-body').textContent(), deck.slides[0]!.notes!.en);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2, 'en');
    await notes.waitForFunction((h) => document.querySelector('.notes-headline')?.textContent === h, deck.slides[1]!.headline.en);
    assert.equal(await notes.locator('.notes-body').textContent(), deck.slides[1]!.notes!.en);
    assert.match((await notes.locator('.notes-next').textContent()) ?? '', new RegExp(deck.slides[2]!.headline.en.replace(/[()]/g, '.')));
    await page.keyboard.press('End');
    await notes.waitForFunction((h) => document.querySelector('.notes-headline')?.textContent === h, deck.slides[N - 1]!.headline.en);
    // The clicker in the notes window moves the main window.
    await notes.keyboard.press('Home');
    await expectSlide(page, 1, 'en');
    await notes.waitForFunction((h) => document.querySelector('.notes-headline')?.textContent === h, deck.slides[0]!.headline.en);
    guard.assertClean();
    await close();
  });

  it('runs with the network cut after load', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html', { viewport: { width: 1280, height: 720 } });
    const blocked: string[] = [];
    await page.context().route('**', (r) => {
      blocked.push(r.request().url());
      return r.abort();
    });
    for (let n = 2; n <= N; n++) {
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, n);
      // The slide all drawn (faded in, its map at rest): whatever it would fetch, it has asked for.
      await settle(page);
    }
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    assert.deepEqual(blocked, [], 'no request after load');
    guard.assertClean();
    await close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`prints one A4 landscape page per slide, with headline and source line (${lang})`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, `/present.html${lang === 'en' ? '?lang=en' : ''}`, { viewport: { width: 1280, height: 720 } });
      // What the browser does before a print (Ctrl+P): the handout's pages still waiting for an idle moment are built.
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      assert.equal(await page.locator('.handout').getAttribute('data-complete'), 'true');
      await page.emulateMedia({ media: 'print' });
      const pages = page.locator('.handout-page');
      assert.equal(await pages.count(), N);
      for (let i = 0; i < N; i++) {
        const p = pages.nth(i);
        assert.equal(await p.locator('.slide-headline').textContent(), deck.slides[i]!.headline[lang]);
        assert.ok(((await p.locator('.slide-source').textContent()) ?? '').length > 5, `slide ${i + 1} has a source line`);
        if (deck.slides[i]!.layout !== 'chart' && deck.slides[i]!.kind !== 'sources' && (deck.slides[i]!.layout || !/tab=/.test(deck.slides[i]!.view))) assert.equal(await p.locator('svg.svg-map').count(), 1, `slide ${i + 1} has its SVG map`);
      }
      await page.screenshot({ path: join(SHOTS, `present-print-${lang}.png`) });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, `present-handout-${lang}.pdf`), pdf);
      assert.equal(pdfPages(pdf), N, 'one page per slide');
      guard.assertClean();
      await close();
    });
  }

  // The meeting-room screen and the projector in Chinese; the projector, the tightest, in English.
  for (const [lang, w, hgt] of [['zh', 1920, 1080], ['zh', 1280, 720], ['en', 1280, 720]] as const) {
    it(`every slide fits the screen (${lang}, ${w}×${hgt}); screenshots`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, `/present.html${lang === 'en' ? '?lang=en' : ''}`, { viewport: { width: w, height: hgt } });
      for (let n = 1; n <= N; n++) {
        if (n > 1) await page.keyboard.press('ArrowRight');
        await expectSlide(page, n, lang);
        // Faded in and its map at rest: what is measured and shot is the slide as it stays.
        await settle(page);
        const fit = await page.evaluate(() => {
          const s = document.querySelector('.present-stage .slide') as HTMLElement;
          const over = [...s.querySelectorAll<HTMLElement>('.slide-head, .slide-body, .slide-foot, .slide-text, .sources-list, .slide-chart, .chart-notes, .slide-legend')].filter((e) => e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2).map((e) => e.className);
          return { over, page: document.documentElement.scrollHeight - innerHeight };
        });
        assert.deepEqual(fit.over, [], `slide ${n}: nothing overflows`);
        assert.ok(fit.page <= 0, `slide ${n}: the page does not scroll`);
        const size = await page.locator('.present-stage .slide-headline').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        assert.ok(size >= 28, `slide ${n}: headline ${size}px`);
        await page.screenshot({ path: join(SHOTS, `present-${lang}-${w}x${hgt}-${n}.png`) });
      }
      guard.assertClean();
      await close();
    });
  }
});

describe('present: a deck in the URL', () => {
  const site = useSite();

  it('a deck built with deckUrl.ts opens, survives a reload, and survives edits in the overview', async () => {
    let param = addSlide(null, '?layer=local&stage=target-1&region=west&tab=growth&subject=610000&metric=sales', 'West: Shaanxi ~ plans!');
    param = addSlide(param, '?region=east&lang=en', 'East on the map');
    param = addSlide(param, '?tab=regions', '100% regions, 50/50');
    const parsed = parseSlides(param);
    assert.equal(parsed.kind, 'valid');
    const url = `/present.html?lang=en&slides=${encodeURIComponent(param)}`;
    const { page, guard, close } = await openPage(site.browser, site.server.origin, url, { viewport: { width: 1280, height: 720 } });
    const titles = ['West: Shaanxi ~ plans!', 'East on the map', '100% regions, 50/50'];
    assert.equal(await headline(page), titles[0]);
    assert.equal(await counter(page), '1 / 3');
    await page.keyboard.press('ArrowRight');
    assert.equal(await headline(page), titles[1]);
    assert.ok(await page.locator('.present-stage .map-slot').count(), 'a view without a chart tab is a map slide');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await counter(page), '2 / 3');
    assert.equal(await headline(page), titles[1]);
    // Retitle slide 3 and move it up, then reload: the URL carries the edited deck.
    await page.keyboard.press('o');
    const input = page.locator('.present-overview .thumb-headline').nth(2);
    await input.fill('Regions compared');
    await input.press('Enter');
    await page.locator('.present-overview .move-up').nth(2).click();
    await page.keyboard.press('Escape');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    await page.keyboard.press('Home');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push((await headline(page)) ?? '');
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(seen, [titles[0], 'Regions compared', titles[1]]);
    guard.assertClean();
    await close();
  });

  it('a deck made on the explore page opens in presentation mode and survives a reload of both pages', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=ranking&metric=sales', { viewport: { width: 1280, height: 800 } });
    await page.click('.slides-add');
    await page.locator('.region-filter input[value="east"]').uncheck();
    await page.click('.tab[data-tab="sectors"]');
    await page.click('.slides-add');
    assert.match((await page.locator('.slides-present').textContent()) ?? '', /2/);
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.match((await page.locator('.slides-present').textContent()) ?? '', /2/, 'the deck is in the explore URL');
    await page.click('.slides-present');
    await page.waitForURL(/present\.html/);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await counter(page), '1 / 2');
    assert.equal(await headline(page), '集群排名');
    await page.keyboard.press('ArrowRight');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await counter(page), '2 / 2');
    assert.equal(await headline(page), '行业构成');
    guard.assertClean();
    await close();
  });

  it('the default deck becomes a URL deck when edited (zh)', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html', { viewport: { width: 1280, height: 720 } });
    await page.keyboard.press('o');
    await page.locator('.present-overview .move-down').first().click();
    await page.keyboard.press('Escape');
    const slides = new URL(page.url()).searchParams.get('slides');
    assert.ok(slides, 'slides= in the URL');
    const parsed = parseSlides(slides!);
    assert.ok(parsed.kind === 'valid' && parsed.slides.length === N);
    assert.equal(parsed.kind === 'valid' && parsed.slides[1]!.headline, deck.slides[0]!.headline.zh);
    assert.equal(parsed.kind === 'valid' && parsed.slides[N - 1]!.view, '@sources');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    await page.keyboard.press('End');
    assert.ok(await page.locator('.present-stage .sources-list li').count() > 0, 'the sources slide survives');
    guard.assertClean();
    await close();
  });

  it('an unreadable deck in the URL is reported and the default deck shown', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html?slides=%25E0%25A4%25A!x', { viewport: { width: 1280, height: 720 } });
    assert.equal(await counter(page), `1 / ${N}`);
    assert.ok(await page.locator('.notice').count() > 0);
    guard.assertClean();
    await close();
  });
});

describe('present without WebGL', () => {
  const site = useSite(['--disable-3d-apis', '--disable-webgl']);

  it('map slides use the SVG map, fitted to their region', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/present.html?slide=6', { viewport: { width: 1280, height: 720 } });
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
    const map = page.locator('.present-stage .map-slot svg.svg-map');
    assert.equal(await map.count(), 1);
    const vb = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
    const box = await map.evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(vb[2]! > 0 && vb[2]! !== box, 'the view box is the region, not the whole map');
    assert.ok(await map.locator('.mark').count() > 0, 'marks are drawn');
    await settle(page); // past the slide's fade-in
    await page.screenshot({ path: join(SHOTS, 'present-svg-zh-1280x720-6.png') });
    for (let n = 6; n <= N; n++) await page.keyboard.press('ArrowRight');
    await expectSlide(page, N);
    guard.assertClean();
    await close();
  });
});
