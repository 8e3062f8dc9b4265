/** The charts on the explore page: drawn from the data, linked with the filters and the map, with a table view. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, screenshot, ROOT } from './harness.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';

const atlas = readAtlas() as Atlas;
const CHARTS = ['regions', 'batches', 'ranking', 'growth', 'outcomes', 'sectors', 'context'] as const;

describe('charts on the explore page', () => {
  const site = useSite();

  for (const lang of ['zh', 'en'] as const) {
    for (const [device, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      it(`every chart renders with title, source and an accessible description (${lang}, ${device})`, async () => {
        const { page, guard, close } = await openPage(site.browser, site.server.origin, `/?lang=${lang}`, { viewport });
        for (const chart of CHARTS) {
          await page.click(`.tab[data-tab="${chart}"]`);
          const fig = page.locator(`figure.chart[data-chart="${chart}"]`);
          await fig.waitFor();
          assert.match(page.url(), new RegExp(`tab=${chart}`));
          assert.ok(((await fig.locator('.chart-title').textContent()) ?? '').length > 2);
          assert.ok(((await fig.locator('.chart-source').textContent()) ?? '').length > 5);
          assert.ok(((await fig.locator('svg desc').first().textContent()) ?? '').length > 10, `${chart} has a <desc>`);
          if (chart === 'growth') {
            // The subject picker names the subject the chart draws.
            const series = fig.locator('g.series-stated').first();
            const drawn = (await series.getAttribute('data-subject')) ?? (await series.getAttribute('data-region')) ?? (await series.getAttribute('data-cluster'));
            assert.equal(await page.locator('#subject-select').inputValue(), drawn);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(overflow, 0, `${chart} fits the page width`);
          await fig.screenshot({ path: join(ROOT, 'tests/screenshots', `chart-${chart}-${lang}-${device}.png`) });
        }
        guard.assertClean();
        await close();
      });
    }
  }

  it('changing the region filter changes the charts and the map together', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=ranking&metric=sales');
    const rows = () => page.locator('figure.chart svg g.row').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    const before = await rows();
    assert.ok(before.includes('west') && before.includes('east'));
    for (const r of ['east', 'central', 'northeast']) await page.locator(`.region-filter input[value="${r}"]`).uncheck();
    const after = await rows();
    assert.ok(after.length > 0 && after.every((r) => r === 'west'), JSON.stringify(after));
    assert.equal(await page.evaluate(() => window.__atlas!.locate!('hengshui-anping-wire-mesh')), null, 'east marks left the map');
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('shaanxi-software')));
    guard.assertClean();
    await close();
  });

  it('hovering a ranking bar highlights that cluster on the map and in the list', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=ranking');
    const bar = page.locator('figure.chart svg g.row[data-cluster="dalian-electronics"]').first();
    await bar.hover();
    await page.waitForFunction(() => window.__atlas?.hot === 'dalian-electronics');
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => window.__atlas?.hot === null);
    guard.assertClean();
    await close();
  });

  it('hovering a region in a chart outlines it on the map, and hovering the map marks it in the chart', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=regions');
    await page.locator('figure.chart svg rect.bar-count[data-region="northeast"]').hover();
    await page.waitForFunction(() => window.__atlas?.hotRegion === 'northeast');
    assert.ok(await page.locator('figure.chart svg rect.bar-count[data-region="northeast"].is-region-hot').count());
    // Far west of the map, half-way down (Xinjiang or Tibet, with no cluster mark), whether the map is wide or beside the chart.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 6 });
    await page.waitForFunction(() => window.__atlas?.hotRegion === 'west');
    assert.ok(await page.locator('figure.chart svg rect.bar-count[data-region="west"].is-region-hot').count());
    assert.equal(await page.locator('figure.chart svg rect.bar-count[data-region="northeast"].is-region-hot').count(), 0);
    guard.assertClean();
    await close();
  });

  it('the table view holds exactly the plotted numbers', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&tab=ranking');
    const plotted = await page.locator('figure.chart svg g.row').evaluateAll((els) => els.map((e) => e.getAttribute('data-cluster')));
    await page.click('.chart-toggle');
    const table = page.locator('table.chart-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    const local = new Set(atlas.batches.filter((b) => b.programme === 'local').map((b) => b.id));
    const withFigure = atlas.figures.filter((f) => local.has(f.batch) && f.subject_type === 'cluster' && f.metric === 'output' && f.stage === 'target-1' && f.scope === 'total');
    assert.equal(new Set(withFigure.map((f) => f.subject_id)).size, 16);
    assert.ok(rows >= plotted.length, `${rows} table rows for ${plotted.length} plotted bars`);
    const text = (await table.textContent()) ?? '';
    for (const v of ['1,800', '1,700', '900']) assert.ok(text.includes(v), v);
    await page.click('.chart-toggle');
    await page.locator('figure.chart svg').first().waitFor();
    guard.assertClean();
    await close();
  });
});
