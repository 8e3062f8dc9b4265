/** The explore page: the four regions drawn on the map, in both languages, desktop and phone. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot } from './harness.ts';
import { MAP_PALETTES } from '../../src/theme/palette.ts';

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Region colours as painted: the light theme's muted fills, opaque (src/theme/palette.ts). */
function painted(hex: string): [number, number, number] {
  return [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) as [number, number, number];
}

const REGION_HEX = Object.fromEntries((['east', 'central', 'west', 'northeast'] as const).map((r) => [r, MAP_PALETTES.light.fills[r]]));

/** Share of the map canvas's pixels painted in each region colour. */
async function regionPixelShares(page: Page): Promise<Record<string, number>> {
  const targets = Object.fromEntries(Object.entries(REGION_HEX).map(([r, hex]) => [r, painted(hex)]));
  return page.evaluate((targets) => {
    const gl = document.querySelector<HTMLCanvasElement>('#map canvas')!;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const counts: Record<string, number> = {};
    for (const r of Object.keys(targets)) counts[r] = 0;
    for (let i = 0; i < data.length; i += 4) {
      for (const [r, [tr, tg, tb]] of Object.entries(targets)) {
        if (Math.abs(data[i]! - tr) <= 6 && Math.abs(data[i + 1]! - tg) <= 6 && Math.abs(data[i + 2]! - tb) <= 6) counts[r]!++;
      }
    }
    const total = data.length / 4;
    for (const r of Object.keys(counts)) counts[r] = counts[r]! / total;
    return counts;
  }, targets);
}

describe('explore page', () => {
  const site = useSite();

  for (const lang of ['zh', 'en'] as const) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      it(`draws the four regions (${lang}, ${device})`, async () => {
        const path = lang === 'zh' ? '/' : '/?lang=en';
        const { page, guard, close } = await openPage(site.browser, site.server.origin, path, { viewport });
        const status = await page.evaluate(() => window.__atlas);
        assert.equal(status?.error, null);
        assert.ok(status?.mapIdleAt, 'the map reached idle');
        assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
        const shares = await regionPixelShares(page);
        for (const [region, share] of Object.entries(shares)) assert.ok(share > 0.005, `region ${region} covers ${share} of the map`);
        // West is by far the largest region on the map, northeast the smallest of the four.
        assert.ok(shares['west']! > shares['east']! && shares['west']! > shares['northeast']!, JSON.stringify(shares));
        const legendRows = await page.locator('.legend tbody tr').allTextContents();
        assert.equal(legendRows.length, 5);
        const names = lang === 'zh' ? ['东部', '中部', '西部', '东北'] : ['East', 'Central', 'West', 'Northeast'];
        for (const n of names) assert.ok(legendRows.some((r) => r.includes(n)), `legend names ${n}`);
        assert.equal(await page.locator('h1').textContent(), lang === 'zh' ? '产业集群地图' : 'Cluster Atlas');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'nothing overflows horizontally');
        await screenshot(page, `explore-${lang}-${device}`);
        guard.assertClean();
        await close();
      });
    }
  }

  it('ignores a bad URL parameter with a visible notice and shows the default view', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?region=mars&zoom=<script>');
    const notice = await page.locator('.notice').textContent();
    assert.match(notice ?? '', /region=mars/);
    assert.match(notice ?? '', /zoom=<script>/);
    const shares = await regionPixelShares(page);
    for (const share of Object.values(shares)) assert.ok(share > 0.005);
    assert.equal(await page.locator('script:not([src])').count(), 0);
    guard.assertClean();
    await close();
  });

  it('the language switch keeps the other parameters', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?region=west');
    await page.click('#lang-switch');
    await page.waitForFunction(() => window.__atlas?.ready === true && document.documentElement.lang === 'en');
    assert.match(page.url(), /region=west/);
    assert.match(page.url(), /lang=en/);
    guard.assertClean();
    await close();
  });
});
