/**
 * The share image for phones: every chart tab of the explore page and its map download a PNG exactly
 * 1080 px wide (540 CSS px at 2×), of a sane height, not blank. Each is saved to tests/screenshots/ as
 * share-<chart>-<lang>.png for a reviewer to look at.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Locator } from 'playwright-core';
import { useSite, openPage, downloadBytes, settle, SHOTS } from './harness.ts';

/** Width and height from the PNG's IHDR (bytes 16–19 and 20–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks the share item of a download menu and returns the file's bytes and name. */
async function shareFrom(page: Page, menu: Locator): Promise<{ bytes: Buffer; name: string }> {
  if (!(await menu.evaluate((m) => (m as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), menu.locator('.export-item[data-export="png-share"]').click()]);
  return { bytes: await downloadBytes(d), name: d.suggestedFilename() };
}

/**
 * The pointer off the charts (a hovered mark dims the others on the map), then the map's menu: once the
 * page has let go of the hovered cluster and region and the map has redrawn without them.
 */
async function shareMap(page: Page): Promise<{ bytes: Buffer; name: string }> {
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => window.__atlas?.hot == null && window.__atlas?.hotRegion == null);
  await settle(page);
  return shareFrom(page, page.locator('.side .export-menu'));
}

/** Share of the image's rows that are not plain white: a drawn image, not an empty one. */
async function inkedRows(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let inked = 0;
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x += 3) {
        const i = (y * c.width + x) * 4;
        if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) {
          inked++;
          break;
        }
      }
    }
    return inked / c.height;
  }, bytes.toString('base64'));
}

/**
 * Long by nature at 15 px text, as a phone's long image: the totals stack one plot per series (six in the
 * default view); the ranking lists every cluster with a figure, in rows of two-line names (drawn shorter,
 * the ranking's rows squeeze its names into each other, so the share image takes it at full height).
 */
const TALL: ReadonlySet<string> = new Set(['totals', 'ranking']);

function check(bytes: Buffer, what: string): { width: number; height: number } {
  const size = pngSize(bytes);
  assert.equal(size.width, 1080, `${what}: 1080 px wide`);
  const limit = TALL.has(what.split(' ')[0]!) ? 5000 : 3000;
  assert.ok(size.height > 400 && size.height < limit, `${what}: height ${size.height} px`);
  return size;
}

function save(bytes: Buffer, name: string): void {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), bytes);
}

describe('share image for phones (1080 px wide)', () => {
  const site = useSite();
  const heights: string[] = [];

  it('every chart tab and the map, in Chinese', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { acceptDownloads: true });
    const tabs = (await page.locator('.tabs .tab').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['tab']!))).filter((t) => t !== 'list');
    assert.ok(tabs.length >= 7, `chart tabs: ${tabs.join(', ')}`);
    for (const chart of tabs) {
      await page.click(`.tab[data-tab="${chart}"]`);
      const fig = page.locator(`figure.chart[data-chart="${chart}"]`);
      await fig.waitFor();
      const { bytes, name } = await shareFrom(page, fig.locator('.export-menu'));
      assert.match(name, /-1080\.png$/);
      const { height } = check(bytes, `${chart} zh`);
      assert.ok((await inkedRows(page, bytes)) > 0.3, `${chart}: the image is drawn`);
      save(bytes, `share-${chart}-zh`);
      heights.push(`${chart} zh: ${height}`);
    }
    const map = await shareMap(page);
    const { height } = check(map.bytes, 'map zh');
    assert.ok((await inkedRows(page, map.bytes)) > 0.3, 'the map image is drawn');
    save(map.bytes, 'share-map-zh');
    heights.push(`map zh: ${height}`);
    guard.assertClean();
    await close();
  });

  it('a chart and the map in English', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en&tab=ranking', { acceptDownloads: true });
    for (const chart of ['ranking', 'growth']) {
      await page.click(`.tab[data-tab="${chart}"]`);
      const fig = page.locator(`figure.chart[data-chart="${chart}"]`);
      await fig.waitFor();
      const { bytes } = await shareFrom(page, fig.locator('.export-menu'));
      const { height } = check(bytes, `${chart} en`);
      save(bytes, `share-${chart}-en`);
      heights.push(`${chart} en: ${height}`);
    }
    const map = await shareMap(page);
    heights.push(`map en: ${check(map.bytes, 'map en').height}`);
    save(map.bytes, 'share-map-en');
    guard.assertClean();
    await close();
    console.log(`share image heights (px): ${heights.join('; ')}`);
  });

  it('a chart embed has the item too', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/embed.html?chart=sectors', { acceptDownloads: true, viewport: { width: 800, height: 900 } });
    const { bytes } = await shareFrom(page, page.locator('.export-menu').first());
    check(bytes, 'sectors embed');
    save(bytes, 'share-sectors-embed-zh');
    guard.assertClean();
    await close();
  });
});
