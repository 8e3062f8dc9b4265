/**
 * The map leads the explore page (issue #25) and keeps the reader's view (issue #24):
 * - it is the largest thing on the page at 1440×900 and 1280×720;
 * - it follows the page's theme, live, as WebGL and as SVG;
 * - on a 375-px phone the 南海诸岛 inset covers no province, on either map;
 * - a zoom and a pan made on the SVG first view are kept when the WebGL map takes over;
 * - without WebGL the SVG map pans and zooms, and the camera goes to the URL.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot } from './harness.ts';
import { MAP_PALETTES } from '../../src/theme/palette.ts';
import { assertTooltipBesidePointer } from './tooltip.ts';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const near = (a: Rgb, b: Rgb, tol = 6) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

/** Colours of the WebGL base map's canvas on a grid of points inside `box` (client px; whole map when null). */
function canvasColours(page: Page, box: { x: number; y: number; width: number; height: number } | null, step = 6): Promise<Rgb[]> {
  return page.evaluate(
    ([box, step]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.map-webgl canvas.maplibregl-canvas')!;
      const r = canvas.getBoundingClientRect();
      const k = canvas.width / r.width;
      const copy = new OffscreenCanvas(canvas.width, canvas.height);
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const b = box ?? { x: r.x, y: r.y, width: r.width, height: r.height };
      const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const out: [number, number, number][] = [];
      for (let y = b.y + 1; y < b.y + b.height - 1; y += step) {
        for (let x = b.x + 1; x < b.x + b.width - 1; x += step) {
          const i = (Math.round((y - r.y) * k) * canvas.width + Math.round((x - r.x) * k)) * 4;
          out.push([all[i]!, all[i + 1]!, all[i + 2]!]);
        }
      }
      return out;
    },
    [box, step] as const,
  );
}

/** Share of the colours within a few units of `hex`. */
const shareOf = (colours: Rgb[], hex: string) => colours.filter((c) => near(c, rgb(hex))).length / colours.length;

const box = (page: Page, selector: string) => page.locator(selector).first().boundingBox().then((b) => b!);

/** The SVG map drawn at its box's size (a resize after the first drawing is redrawn on the next frame). */
const svgSettled = (page: Page) =>
  page.waitForFunction(() => {
    const svg = document.querySelector('.map-first-pixels.is-adopted .svg-map, .map > .svg-map');
    if (!svg) return false;
    const r = svg.getBoundingClientRect();
    return svg.getAttribute('viewBox') === `0 0 ${Math.round(r.width)} ${Math.round(r.height)}`;
  });

describe('the map leads: size, theme, inset', () => {
  const site = useSite();

  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`is the largest thing on the explore page at ${w}×${h}`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { viewport: { width: w, height: h } });
      const area = async (sel: string) => {
        const b = await box(page, sel);
        return b.width * b.height;
      };
      const map = await area('#map');
      for (const other of ['#list-host', '#side']) assert.ok(map > (await area(other)) * 1.3, `the map (${Math.round(map)} px²) is well larger than ${other}`);
      const b = await box(page, '#map');
      assert.ok(b.width >= w * 0.45, `the map takes ${Math.round(b.width)} of ${w} px`);
      guard.assertClean();
      await close();
    });
  }

  it('follows the page theme on the WebGL map, live: dark sea and fills after switching, light again after', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    const { light, dark } = MAP_PALETTES;
    const light0 = await canvasColours(page, null);
    assert.ok(shareOf(light0, light.sea) > 0.3, 'light sea');
    assert.ok(shareOf(light0, light.fills.west) > 0.05, 'light fills');
    for (const [theme, p] of [
      ['dark', dark],
      ['light', light],
    ] as const) {
      await page.selectOption('.theme-select', theme);
      // The base map repaints on its next frame: wait for its colours, not for a time.
      await page.waitForFunction(
        ([sea]) => {
          const c = document.querySelector<HTMLCanvasElement>('.map-webgl canvas.maplibregl-canvas')!;
          const o = new OffscreenCanvas(c.width, c.height).getContext('2d')!;
          o.drawImage(c, 0, 0);
          const d = o.getImageData(c.width - 3, c.height - 3, 1, 1).data;
          const want = [1, 3, 5].map((i) => parseInt(sea!.slice(i, i + 2), 16));
          return want.every((v, i) => Math.abs(v - d[i]!) <= 6);
        },
        [p.sea],
      );
      const now = await canvasColours(page, null);
      assert.ok(shareOf(now, p.sea) > 0.3, `${theme} sea`);
      assert.ok(shareOf(now, p.fills.west) > 0.05 && shareOf(now, p.fills.east) > 0.01, `${theme} region fills`);
      if (theme === 'dark') await screenshot(page, 'map-dark-1440-en');
    }
    guard.assertClean();
    await close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`on a 375-px phone the South China Sea inset covers no province (WebGL, ${lang})`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, lang === 'en' ? '/?lang=en' : '/', { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
      const inset = await box(page, '.map > .scs-inset');
      const map = await box(page, '.map-webgl');
      assert.ok(inset.y + inset.height <= map.y + map.height + 1, 'the inset inside the map');
      const under = await canvasColours(page, inset, 3);
      const land = under.filter((c) => !near(c, rgb(MAP_PALETTES.light.sea), 10));
      assert.ok(land.length === 0, `${land.length} of ${under.length} points under the inset are not sea (first: ${land[0]})`);
      // And the headline sits above the map, not over the north-east.
      const headline = await box(page, '.map-headline');
      assert.ok(headline.y + headline.height <= map.y + 1, 'the headline above the map');
      await screenshot(page, `map-phone-inset-${lang}`);
      guard.assertClean();
      await close();
    });
  }
});

describe('the view made on the SVG first view is kept when the WebGL map takes over', () => {
  const site = useSite();

  it('a wheel zoom and a drag on the SVG map: the same marks under the same points on the WebGL map', async () => {
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
    await svgSettled(page);
    const map = await box(page, '#map');
    const centre = { x: map.x + map.width * 0.62, y: map.y + map.height * 0.62 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -1000);
    await page.waitForURL(/[?&]at=/);
    const zoomed = new URL(page.url()).searchParams.get('at')!;
    await page.mouse.down();
    await page.mouse.move(centre.x - 90, centre.y - 40, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((before) => new URLSearchParams(location.search).get('at') !== before, zoomed);
    const at = new URL(page.url()).searchParams.get('at')!.split(',').map(Number);
    assert.ok(at[2]! > 4.5, `zoomed in: ${at}`);
    // Clusters drawn well inside the map now, and where.
    const before = await page.evaluate(
      ({ x, y, width, height }) =>
        [...document.querySelectorAll<HTMLElement>('.cluster-list tbody tr')]
          .map((r) => [r.dataset['cluster']!, window.__atlas!.locate!(r.dataset['cluster']!)] as const)
          .filter((e): e is [string, [number, number]] => e[1] != null && e[1][0] > x + 60 && e[1][0] < x + width - 60 && e[1][1] > y + 120 && e[1][1] < y + height - 60)
          .slice(0, 12),
      map,
    );
    assert.ok(before.length >= 5, `marks in view after the zoom: ${before.length}`);
    await screenshot(page, 'map-svg-zoomed-before-swap');
    release();
    await page.waitForFunction(() => window.__atlas?.ready === true && window.__atlas.renderer === 'webgl');
    assert.equal(new URL(page.url()).searchParams.get('at'), at.join(','), 'the camera in the URL is unchanged');
    for (const [id, [x, y]] of before) {
      const now = await page.evaluate((id) => window.__atlas!.locate!(id), id);
      assert.ok(now && Math.hypot(now[0] - x, now[1] - y) < 8, `${id}: at ${x.toFixed(0)},${y.toFixed(0)} on the SVG map, ${now?.map((n) => n.toFixed(0))} on the WebGL map`);
    }
    await screenshot(page, 'map-webgl-after-swap');
    guard.assertClean();
    await close();
  });
});

describe('without WebGL the SVG map pans, zooms and follows the theme', () => {
  const site = useSite(['--disable-3d-apis', '--disable-webgl']);

  it('wheel zoom and drag move the camera (in the URL, kept on reload); a drag selects nothing; dark theme', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
    // Read in one step in the page: a redraw replaces the province paths, and a path found in one
    // round trip and read in the next may already be detached (its computed fill then reads '').
    const westIs = (fill: string) =>
      page.waitForFunction((fill) => {
        const e = document.querySelector('.svg-map .province[data-region="west"]');
        return e != null && getComputedStyle(e).fill === fill;
      }, fill, { timeout: 5000 }).then(() => fill, async () => page.evaluate(() => {
        const e = document.querySelector('.svg-map .province[data-region="west"]');
        return e ? getComputedStyle(e).fill : 'no west province';
      }));
    const lightWest = `rgb(${rgb(MAP_PALETTES.light.fills.west).join(', ')})`;
    assert.equal(await westIs(lightWest), lightWest);
    await page.selectOption('.theme-select', 'dark');
    const darkWest = `rgb(${rgb(MAP_PALETTES.dark.fills.west).join(', ')})`;
    assert.equal(await westIs(darkWest), darkWest);
    const sea = await page.locator('#map').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(sea, `rgb(${rgb(MAP_PALETTES.dark.sea).join(', ')})`);

    await svgSettled(page);
    const map = await box(page, '#map');
    const start = { x: map.x + map.width * 0.6, y: map.y + map.height * 0.6 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.wheel(0, -400);
    await page.waitForURL(/[?&]at=/);
    const zoomed = new URL(page.url()).searchParams.get('at')!;
    // Drag from a mark: the map moves, the mark is not selected. Hovered first: its tooltip beside the
    // pointer (the SVG map reports client coordinates, the map starts below a notice here).
    const id = await page.locator('.cluster-list tbody tr').first().getAttribute('data-cluster');
    const from = (await page.evaluate((id) => window.__atlas!.locate!(id), id!))!;
    await page.mouse.move(from[0], from[1]);
    await assertTooltipBesidePointer(page, from[0], from[1]);
    await page.mouse.down();
    await page.mouse.move(from[0] + 120, from[1] + 30, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((before) => new URLSearchParams(location.search).get('at') !== before, zoomed);
    assert.equal(new URL(page.url()).searchParams.get('cluster'), null, 'the drag selected nothing');
    const moved = (await page.evaluate((id) => window.__atlas!.locate!(id), id!))!;
    assert.ok(Math.abs(moved[0] - from[0] - 120) < 3 && Math.abs(moved[1] - from[1] - 30) < 3, `the mark followed the drag: ${from} → ${moved}`);
    const at = new URL(page.url()).searchParams.get('at');
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    await svgSettled(page);
    const again = (await page.evaluate((id) => window.__atlas!.locate!(id), id!))!;
    assert.equal(new URL(page.url()).searchParams.get('at'), at);
    assert.ok(Math.hypot(again[0] - moved[0], again[1] - moved[1]) < 3, `the reload shows the same view: ${moved} then ${again} (at ${at})`);
    await screenshot(page, 'map-svg-zoomed-dark');
    guard.assertClean();
    await close();
  });
});
