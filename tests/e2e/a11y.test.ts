/** Accessibility: axe-core on every page and main state (no serious or critical violation); keyboard-only use. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSite, openPage, ROOT } from './harness.ts';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const STATES = [
  '/',
  '/?lang=en',
  '/?layer=local&stage=target-1&cluster=dalian-petrochem',
  '/?lang=en&layer=local&region=west&metric=sales&stage=target-1&cluster=shaanxi-software',
  '/embed.html',
  '/embed.html?lang=en&chart=ranking',
  '/embed.html?chart=growth&subject=dalian-15',
  '/embed.html?lang=en&chart=sectors',
  '/embed.html?chart=context',
  '/embed.html?lang=en&chart=map',
  '/present.html',
  '/present.html?lang=en',
];

describe('accessibility', () => {
  const site = useSite();
  for (const path of STATES) {
    it(`axe finds no serious or critical violation on ${path}`, async () => {
      // bypassCSP: axe is injected as an inline script, which the site's own policy rightly refuses.
      const { page, close } = await openPage(site.browser, site.server.origin, path, { bypassCSP: true, reducedMotion: 'reduce' });
      assert.deepEqual(await axe(page), []);
      await close();
    });
  }

  it('keyboard only: region filter to 西部, the list, open a cluster, close it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${(el as HTMLInputElement).value ? `=${(el as HTMLInputElement).value}` : ''}${el.dataset['cluster'] ? `#${el.dataset['cluster']}` : ''}` : '';
    });
    // Tab to the first region checkbox.
    for (let i = 0; i < 60 && (await focused()) !== 'input[name=region]=east'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input[name=region]=east');
    // Leave only 西部: uncheck east, central (Space), skip west, uncheck northeast — each step checked.
    const step = async (key: 'Space' | 'Tab', want?: string) => {
      const before = page.url();
      await page.keyboard.press(key);
      if (key === 'Space') await page.waitForFunction((u) => location.href !== u, before);
      if (want) assert.equal(await focused(), want);
    };
    await step('Space');
    await step('Tab', 'input[name=region]=central');
    await step('Space');
    await step('Tab', 'input[name=region]=west');
    await step('Tab', 'input[name=region]=northeast');
    await step('Space');
    assert.match(page.url(), /region=west(&|$)/);
    // Focus is visible: the focused control has an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none');
    // On to the list: Shift+Tab would go back; go forward until a list row has focus.
    for (let i = 0; i < 80 && !(await focused()).startsWith('tr#'); i++) await page.keyboard.press('Shift+Tab');
    assert.match(await focused(), /^tr#shaanxi-/);
    await page.keyboard.press('Enter');
    await page.locator('.detail').waitFor();
    assert.match(page.url(), /cluster=shaanxi-/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#detail').isHidden(), true);
    guard.assertClean();
    await close();
  });
});

describe('themes and phones', () => {
  const site = useSite();
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      for (const [device, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
        it(`${theme} theme, ${lang}, ${device}: no overflow, theme applied, axe clean`, async () => {
          const { page, guard, close } = await openPage(site.browser, site.server.origin, `/?lang=${lang}&theme=${theme}&tab=regions`, { viewport, bypassCSP: true, reducedMotion: 'reduce', colorScheme: theme === 'dark' ? 'light' : 'dark' });
          const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          const [r, g, b] = bg.match(/\d+/g)!.map(Number) as [number, number, number];
          assert.ok(theme === 'dark' ? r + g + b < 150 : r + g + b > 600, `${theme} background ${bg} (system scheme set to the opposite)`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(overflow, 0);
          await page.screenshot({ path: join(ROOT, 'tests/screenshots', `theme-${theme}-${lang}-${device}.png`) });
          assert.deepEqual(await axe(page), []);
          guard.assertClean();
          await close();
        });
      }
    }
  }

  it('auto follows the system setting', async () => {
    const { page, close } = await openPage(site.browser, site.server.origin, '/', { colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(bg.match(/\d+/g)!.map(Number).slice(0, 3).reduce((a, b) => a + b, 0) < 150, bg);
    await close();
  });

  it('on a phone the filters are a menu: open it, choose 东北 by tap, close it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    assert.equal(await page.locator('.side').isVisible(), false);
    await page.tap('#filters-toggle');
    assert.equal(await page.locator('.side').isVisible(), true);
    assert.equal(await page.getAttribute('#filters-toggle', 'aria-expanded'), 'true');
    for (const r of ['east', 'central', 'west']) await page.locator(`.region-filter input[value="${r}"]`).tap();
    assert.match(page.url(), /region=northeast/);
    await page.screenshot({ path: join(ROOT, 'tests/screenshots', 'phone-filters-open.png') });
    await page.tap('.side-close');
    assert.equal(await page.locator('.side').isVisible(), false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    guard.assertClean();
    await close();
  });
});
