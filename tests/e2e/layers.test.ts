/** Layers: national lists and local plans in the URL, the batch stepper, low-grade sources, the sources page. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot, ROOT, clustersOfLayers } from './harness.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';
import { PAGE } from '../../src/ui/list.ts';

const atlas = readAtlas() as Atlas;
const low = new Set(atlas.sources.filter((s) => s.grade === 'low').map((s) => s.id));
const visible = (cs: Atlas['clusters']) => cs.filter((c) => !low.has(c.source_id)).map((c) => c.id).sort();
const listIds = (page: Page) => page.locator('.cluster-list tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['cluster']!).sort());

describe('layers', () => {
  const site = useSite();

  it('the default view is the national lists; checking the local plans adds them and writes layer= to the URL', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    assert.deepEqual(await listIds(page), visible(clustersOfLayers(atlas)));
    await page.locator('.layer-filter input[value="local"]').check();
    await page.waitForURL(/[?&]layer=/);
    const layers = new URL(page.url()).searchParams.get('layer')!.split(',');
    assert.ok(layers.includes('local') && layers.includes('amc'), layers.join());
    // The list shows one page of rows (PAGE): the caption counts them all, and every row is of the layers.
    const expected = visible(clustersOfLayers(atlas, layers));
    assert.match((await page.locator('.cluster-list caption').textContent()) ?? '', new RegExp(`\\b${expected.length}\\b`));
    const shown = await listIds(page);
    assert.equal(shown.length, Math.min(PAGE, expected.length));
    assert.ok(shown.every((id) => expected.includes(id)));
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(await page.locator('.layer-filter input[value="local"]').isChecked(), true);
    guard.assertClean();
    await close();
  });

  it('until= shows only the batches designated by that year; the stepper moves through them', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=amc&until=2021');
    const in2021 = atlas.clusters.filter((c) => c.batch === 'amc-2021').map((c) => c.id).sort();
    assert.ok(in2021.length > 0);
    assert.deepEqual(await listIds(page), in2021);
    assert.equal(await page.evaluate(() => window.__atlas!.locate!('amc24-harbin-aviation')), null, 'a 2024 cluster is not on the map');
    const slider = page.locator('#until-range');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('until'));
    assert.deepEqual(await listIds(page), visible(clustersOfLayers(atlas, ['amc'])));
    guard.assertClean();
    await close();
  });

  it('clusters and figures from low-grade sources are hidden by default and shown with low=show, never summed', async () => {
    const amc = new Set(atlas.batches.filter((b) => b.programme === 'amc').map((b) => b.id));
    const lowClusters = atlas.clusters.filter((c) => low.has(c.source_id) && amc.has(c.batch)).map((c) => c.id);
    assert.ok(lowClusters.length > 0, 'the data holds a low-grade row to test with');
    const def = await openPage(site.browser, site.server.origin, '/?layer=amc');
    for (const id of lowClusters) assert.equal(await def.page.locator(`.cluster-list tr[data-cluster="${id}"]`).count(), 0, id);
    def.guard.assertClean();
    await def.close();
    const shown = await openPage(site.browser, site.server.origin, '/?layer=amc&low=show');
    for (const id of lowClusters) assert.equal(await shown.page.locator(`.cluster-list tr[data-cluster="${id}"]`).count(), 1, id);
    shown.guard.assertClean();
    await shown.close();
    // A low-grade figure in a cluster panel: hidden and counted by default.
    const panel = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&cluster=dalian-software');
    assert.match((await panel.page.locator('.detail .low-hidden').textContent()) ?? '', /low=show/);
    assert.equal(await panel.page.locator('.detail tr[data-figure="dalian-software-sales-2012"]').count(), 0);
    panel.guard.assertClean();
    await panel.close();
  });

  it('a bad layer is ignored with a notice and the default layers shown', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=nowhere&until=20x1');
    const notice = (await page.locator('.notice').first().textContent()) ?? '';
    assert.match(notice, /layer=nowhere/);
    assert.match(notice, /until=20x1/);
    assert.deepEqual(await listIds(page), visible(clustersOfLayers(atlas)));
    guard.assertClean();
    await close();
  });

  it('the regions chart sets the official counts beside the rows found; the panel of a national cluster shows its list and grades', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, `/?lang=${lang}&tab=regions`, { viewport: { width: 1440, height: 900 } });
      const official = await page.locator('figure.chart svg rect.bar-official').count();
      assert.equal(official, 4);
      const labels = await page.locator('figure.chart .panel-official .value-label').allTextContents();
      assert.ok(labels.some((l) => /30/.test(l)), labels.join());
      await screenshot(page, `layers-regions-${lang}`);
      guard.assertClean();
      await close();
    }
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?cluster=amc24-gba-nev', { viewport: { width: 1440, height: 900 } });
    const detail = page.locator('.detail');
    assert.equal(await detail.locator('.sites li').count(), 6, 'a site for each of the six cities');
    assert.match((await detail.locator('.batch-link').getAttribute('href')) ?? '', /sources\.html#batch-amc-2024/);
    assert.ok(await detail.locator('.sources .grade').count());
    await screenshot(page, 'layers-panel-zh');
    guard.assertClean();
    await close();
  });
});

describe('sources and method page', () => {
  const site = useSite();

  for (const lang of ['zh', 'en'] as const) {
    it(`lists every batch and source with its grade (${lang})`, async () => {
      for (const viewport of [{ width: 1440, height: 900 }, { width: 375, height: 812 }]) {
        const { page, guard, close } = await openPage(site.browser, site.server.origin, `/sources.html${lang === 'en' ? '?lang=en' : ''}`, { viewport });
        for (const b of atlas.batches) assert.equal(await page.locator(`#batch-${b.id}`).count(), 1, b.id);
        for (const s of atlas.sources) {
          const entry = page.locator(`#src-${s.id}`);
          assert.equal(await entry.getAttribute('data-grade'), s.grade, s.id);
        }
        assert.equal(await page.locator('#method .rule').count(), 10);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'nothing overflows horizontally');
        await screenshot(page, `sources-${lang}-${viewport.width}`);
        guard.assertClean();
        await close();
      }
    });
  }

  it('a link from a chart caption opens the entry it names, scrolled into view', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?tab=regions');
    const link = page.locator('.chart-source-links a').first();
    const id = await link.getAttribute('data-source');
    await link.click();
    await page.waitForURL(/sources\.html/);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    const entry = page.locator(`#src-${id}`);
    assert.ok(await entry.evaluate((el) => el.classList.contains('is-target')));
    const box = (await entry.boundingBox())!;
    assert.ok(box.y >= -1 && box.y < 900, `the entry is on screen (${box.y})`);
    guard.assertClean();
    await close();
  });
});
