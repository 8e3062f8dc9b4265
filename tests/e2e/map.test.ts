/** The explorer map: clusters of all four regions, filters in the URL, hover, select, the SVG fallback. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot, settle, ROOT, clustersOfLayers } from './harness.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';
import { assertTooltipBesidePointer } from './tooltip.ts';

const atlas = readAtlas() as Atlas;
const regionOf = new Map(atlas.regions.map((r) => [r.adcode, r.region]));
const shown = clustersOfLayers(atlas);
const local = clustersOfLayers(atlas, ['local']);
const clustersIn = (region: string, of = shown) => of.filter((c) => regionOf.get(c.province_adcode) === region);

const listIds = (page: Page) => page.locator('.cluster-list tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['cluster']!));

describe('explorer map', () => {
  const site = useSite();

  it('shows the clusters of the default layers in all four regions, each with a mark', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    const ids = await listIds(page);
    assert.ok(shown.length > 0 && shown.length < atlas.clusters.length, 'the default view is a subset: the national lists');
    assert.deepEqual(ids.slice().sort(), shown.map((c) => c.id).sort());
    for (const r of ['east', 'central', 'west', 'northeast']) assert.ok(clustersIn(r).length > 0 && clustersIn(r).every((c) => ids.includes(c.id)), r);
    for (const id of ids) assert.ok(await page.evaluate((id) => window.__atlas!.locate!(id), id), `mark for ${id}`);
    guard.assertClean();
    await close();
  });

  it('choosing 东北 leaves only northeast clusters; the URL holds it and a reload restores it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1');
    for (const r of ['east', 'central', 'west']) await page.locator(`.region-filter input[value="${r}"]`).uncheck();
    const expected = clustersIn('northeast', local).map((c) => c.id).sort();
    assert.deepEqual((await listIds(page)).sort(), expected);
    assert.match(page.url(), /[?&]region=northeast(&|$)/);
    assert.equal(await page.evaluate(() => window.__atlas!.locate!('shaanxi-software')), null, 'west marks are gone from the map');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.deepEqual((await listIds(page)).sort(), expected);
    assert.equal(await page.locator('.region-filter input[value="west"]').isChecked(), false);
    await screenshot(page, 'map-northeast');
    guard.assertClean();
    await close();
  });

  it('a region zoom asked for while the SVG first view stands in is done once the WebGL map takes over', async () => {
    // The WebGL map's code is held back until the zoom has been asked for, so the SVG map is surely in place.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', {
      waitReady: false,
      beforeGoto: (p) =>
        p.route(/\/assets\/clusterMap-[^/]+\.js$/, async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.waitForFunction(() => window.__atlas?.firstViewAt != null);
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
    await page.click('.zoom-region[data-region="northeast"]');
    release();
    await page.waitForFunction(() => window.__atlas?.ready === true && window.__atlas.renderer === 'webgl');
    await page.waitForURL(/[?&]at=/);
    const at = new URL(page.url()).searchParams.get('at')!.split(',').map(Number);
    assert.ok(at[0]! > 120 && at[0]! < 130 && at[1]! > 40 && at[1]! < 50 && at[2]! > 3, `camera over the northeast: ${at}`);
    guard.assertClean();
    await close();
  });

  it('zoom to a region writes the camera to the URL, a reload keeps it, reset clears it', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    await page.click('.zoom-region[data-region="northeast"]');
    await page.waitForURL(/[?&]at=/);
    const at = new URL(page.url()).searchParams.get('at')!.split(',').map(Number);
    assert.ok(at[0]! > 120 && at[0]! < 130 && at[1]! > 40 && at[1]! < 50 && at[2]! > 3, `camera over the northeast: ${at}`);
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    assert.equal(new URL(page.url()).searchParams.get('at'), at.map((n, i) => n.toFixed(i < 2 ? 3 : 2)).join(','));
    await page.click('.reset');
    await page.waitForURL((u) => u.search === '');
    // And it stays clear once the map is back at rest: the reset's own camera move is not written back.
    await settle(page);
    assert.equal(new URL(page.url()).search, '');
    guard.assertClean();
    await close();
  });

  it('a bad region shows a notice and the default view', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?region=mars');
    assert.match((await page.locator('.notice').first().textContent()) ?? '', /region=mars/);
    assert.equal((await listIds(page)).length, shown.length);
    guard.assertClean();
    await close();
  });

  it('on a phone the WebGL map, below its headline, puts the tooltip beside the pointer too', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en', { viewport: { width: 375, height: 812 } });
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    const at = await page.evaluate(() => {
      const map = document.getElementById('map')!.getBoundingClientRect();
      for (const tr of document.querySelectorAll<HTMLElement>('.cluster-list tbody tr')) {
        const p = window.__atlas!.locate!(tr.dataset['cluster']!);
        if (p && p[0] > map.left + 30 && p[0] < map.right - 30 && p[1] > map.top + 120 && p[1] < map.bottom - 160) return p;
      }
      return null;
    });
    assert.ok(at, 'a mark well inside the map');
    await page.mouse.move(at[0] - 30, at[1] - 30);
    await page.mouse.move(at[0], at[1], { steps: 6 });
    await assertTooltipBesidePointer(page, at[0], at[1]);
    guard.assertClean();
    await close();
  });

  it('hovering a mark shows its tooltip; clicking Dalian petrochemicals opens its panel with both targets and sources', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&at=121.6,39.2,7');
    const at = await page.evaluate(() => window.__atlas!.locate!('dalian-petrochem'));
    assert.ok(at);
    // A pointer arrives from somewhere: several move events, as a real mouse sends.
    await page.mouse.move(at[0] - 40, at[1] - 40);
    await page.mouse.move(at[0], at[1], { steps: 8 });
    const tip = page.locator('.tooltip');
    await tip.waitFor({ state: 'visible' });
    await assertTooltipBesidePointer(page, at[0], at[1]);
    const tipText = (await tip.textContent()) ?? '';
    assert.match(tipText, /石化产业集群/);
    assert.match(tipText, /1,800亿元/);
    assert.match(tipText, /原文年份不清/);
    await page.mouse.click(at[0], at[1]);
    const panel = page.locator('.detail');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    assert.match(text, /1,800亿元/);
    assert.match(text, /2,400亿元/);
    assert.match(text, /大政发\[20xx\]67号/);
    assert.match(text, /原文年份不清/);
    assert.match(page.url(), /cluster=dalian-petrochem/);
    await screenshot(page, 'map-detail-zh');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#detail').isHidden(), true);
    assert.doesNotMatch(page.url(), /cluster=/);
    guard.assertClean();
    await close();
  });

  it('the list is keyboard-operable and selects on the map', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en');
    const first = page.locator('.cluster-list tbody tr').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset['cluster']);
    await page.keyboard.press('Enter');
    await page.locator('.detail').waitFor();
    assert.match(page.url(), new RegExp(`cluster=${id}`));
    assert.ok(await page.evaluate(() => window.__atlas!.locate!(new URL(location.href).searchParams.get('cluster')!)));
    guard.assertClean();
    await close();
  });

  it('a metric no cluster has is offered disabled, with why', async () => {
    // The local plans state no 营业收入 (operating revenue) for any cluster.
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1');
    const disabled = await page.locator('#metric-select option[disabled]').allTextContents();
    assert.ok(disabled.some((d) => /营业收入/.test(d)), disabled.join());
    assert.ok(await page.locator('.controls .hint').isVisible());
    await page.selectOption('#metric-select', 'sales');
    assert.match(page.url(), /metric=sales/);
    guard.assertClean();
    await close();
  });
});

describe('explorer map losing its WebGL context', () => {
  const site = useSite();
  it('switches to the SVG map, keeping the view and the clusters', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1&region=northeast&cluster=dalian-petrochem');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas')!;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await page.waitForFunction(() => window.__atlas?.renderer === 'svg');
    await page.locator('#map svg.svg-map circle.mark').first().waitFor();
    const drawn = await page.locator('#map svg.svg-map circle.mark').evaluateAll((els) => els.map((e) => (e as SVGElement).dataset['cluster']!).sort());
    assert.deepEqual(drawn, clustersIn('northeast', local).map((c) => c.id).sort());
    assert.equal(await page.locator('#map canvas.maplibregl-canvas').count(), 0, 'the dead WebGL map is gone');
    assert.ok(await page.locator('.notice').first().isVisible());
    assert.ok(await page.locator('.detail').isVisible(), 'the open panel stays');
    guard.assertClean();
    await close();
  });
});

describe('explorer map without WebGL', () => {
  const site = useSite(['--disable-3d-apis', '--disable-webgl']);

  it('draws the SVG map with the same clusters and a notice', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
    assert.ok(await page.locator('.notice').first().isVisible());
    const drawn = await page.locator('#map svg [data-cluster]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset['cluster']))]);
    assert.deepEqual(drawn.sort(), shown.map((c) => c.id).sort());
    await screenshot(page, 'map-svg-zh');
    guard.assertClean();
    await close();
  });
});
