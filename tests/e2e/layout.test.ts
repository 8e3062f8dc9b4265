/**
 * Geometry rules of the explore page, read as a reader would see it: at the usual laptop and projector
 * sizes every chart tab shows its whole chart with the map still on screen; on a 375 px phone no text is
 * under 10 px; no two labels of a chart overlap. One page per viewport, tabs switched within it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSite, openPage, openBrowser, downloadBytes, SHOTS } from './harness.ts';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { ROOT } from './harness.ts';
import { clusterMarks } from '../../src/data/marks.ts';
import { REGION_IDS, type Atlas } from '../../src/data/schema.ts';
import { sectorColors, REGION_COLORS } from '../../src/theme/palette.ts';
import { readAtlas } from '../atlasFile.ts';

const atlas = readAtlas() as Atlas;

/** A colour as painted at an opacity over white. */
const over = (hex: string, a: number) => [0, 1, 2].map((i) => Math.round(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) * a + 255 * (1 - a))) as [number, number, number];

const CHARTS = ['regions', 'batches', 'ranking', 'growth', 'outcomes', 'sectors', 'context'] as const;
const DESKTOPS = [
  { width: 1440, height: 900, lang: 'zh' },
  { width: 1366, height: 768, lang: 'zh' },
  { width: 1280, height: 720, lang: 'zh' },
  // English labels run longer: the projector size again in English.
  { width: 1280, height: 720, lang: 'en' },
] as const;

/** The test's page functions are compiled with esbuild's keepNames: give them the helper it calls. */
const defineName = (page: Page) => page.evaluate('window.__name = (f) => f');

async function openTab(page: Page, tab: string): Promise<void> {
  await page.click(`.tab[data-tab="${tab}"]`);
  if (tab !== 'list') await page.locator(`figure.chart[data-chart="${tab}"] > svg`).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Where the open chart and the map are on screen. */
function geometry(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element | null) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return { svg: box(document.querySelector('figure.chart > svg')), panel: box(document.getElementById('panel-body')), map: box(document.getElementById('map')), vw: innerWidth, vh: innerHeight };
  });
}

/** Pairs of <text> in the open chart whose boxes overlap by more than a pixel each way. */
function overlappingLabels(page: Page) {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll('figure.chart > svg text')].filter((t) => (t.textContent ?? '').trim());
    const boxes = texts.map((t) => ({ t: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r, b = boxes[j]!.r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`"${boxes[i]!.t}" × "${boxes[j]!.t}"`);
      }
    return out;
  });
}

/** Visible text drawn smaller than 10 CSS px: HTML by its computed size, SVG text by its size times the SVG's scale. */
function smallText(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !visible(el) || el.closest('[hidden], title, desc, script, style, option')) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.closest('svg');
      if (svg) {
        const vb = svg.viewBox.baseVal;
        const r = svg.getBoundingClientRect();
        if (vb && vb.width > 0) size *= r.width / vb.width;
      }
      if (size < 9.95) out.push(`${(n.textContent ?? '').trim().slice(0, 24)} (${size.toFixed(1)} px, ${el.closest('[class]')?.getAttribute('class')})`);
    }
    return [...new Set(out)];
  });
}

describe('layout: charts whole beside the map, legible text, no overlapping labels', () => {
  const site = useSite();

  for (const { lang, ...viewport } of DESKTOPS) {
    it(`every chart tab is whole with the map on screen at ${viewport.width}×${viewport.height} (${lang})`, async () => {
      const { page, guard, close } = await openPage(site.browser, site.server.origin, lang === 'zh' ? '/' : '/?lang=en', { viewport });
      await defineName(page);
      mkdirSync(SHOTS, { recursive: true });
      for (const tab of CHARTS) {
        await openTab(page, tab);
        const g = await geometry(page);
        assert.ok(g.svg && g.panel && g.map);
        assert.ok(g.svg.top >= 0 && g.svg.bottom <= Math.min(g.vh, g.panel.bottom) + 1, `${tab}: the chart (${Math.round(g.svg.top)}–${Math.round(g.svg.bottom)} px) is cut off at the panel's foot (${Math.round(g.panel.bottom)} px)`);
        assert.ok(g.svg.right <= g.vw + 1 && g.svg.left >= 0, `${tab}: the chart runs past the page's side`);
        // The map stays on screen beside it: most of it visible, and wide enough to read.
        const mapVisible = Math.min(g.map.bottom, g.vh) - Math.max(g.map.top, 0);
        assert.ok(mapVisible >= 0.8 * g.map.height && g.map.width >= 400, `${tab}: the map is not on screen (${Math.round(mapVisible)} of ${Math.round(g.map.height)} px visible, ${Math.round(g.map.width)} px wide)`);
        assert.ok(g.svg.left >= g.map.right - 1 || g.svg.top >= g.map.bottom - 1, `${tab}: the chart covers the map`);
        assert.deepEqual(await overlappingLabels(page), [], `${tab}: chart labels overlap`);
        await page.screenshot({ path: join(SHOTS, `layout-${lang}-${viewport.width}-${tab}.png`) });
      }
      guard.assertClean();
      await close();
    });
  }

  it('the map PNG carries its whole key: every sector colour as drawn and the region colours, read back from the image', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1', { viewport: { width: 1440, height: 900 } });
    await defineName(page);
    const view = { layers: ['local'], regions: REGION_IDS, sectors: [], metric: 'output', stage: 'target-1' as const };
    const colours = sectorColors(atlas.sectors.map((s) => s.id));
    const drawn = [...new Set(clusterMarks(atlas, view).filter((m) => m.value != null).map((m) => m.cluster.sector))];
    assert.ok(drawn.length >= 3, 'the local layer draws several sectors in colour');
    await page.locator('.side .export-menu summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('.side .export-item[data-export="png-1x"]')]);
    const mapHeight = await page.locator('#map').evaluate((m) => m.getBoundingClientRect().height);
    const targets = Object.fromEntries([...drawn.map((s) => [s, over(colours.get(s)!, 0.75)]), ...(['east', 'central', 'west', 'northeast'] as const).map((r) => [r, over(REGION_COLORS[r], 0.9)])]);
    // Pixels of each colour below the map (the key), where no map mark can be.
    const counts = await page.evaluate(
      async ({ b64, top, targets }) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, top, c.width, c.height - top);
        const out: Record<string, number> = {};
        for (const k of Object.keys(targets)) out[k] = 0;
        for (let i = 0; i < data.length; i += 4)
          for (const [k, [r, g, b]] of Object.entries(targets as Record<string, [number, number, number]>)) if (Math.abs(data[i]! - r) <= 6 && Math.abs(data[i + 1]! - g) <= 6 && Math.abs(data[i + 2]! - b) <= 6) out[k]!++;
        return out;
      },
      { b64: (await downloadBytes(d)).toString('base64'), top: Math.round(64 + mapHeight), targets },
    );
    for (const [k, n] of Object.entries(counts)) assert.ok(n >= 30, `the key shows ${k} in its colour (${n} px found): ${JSON.stringify(counts)}`);
    // The vector map carries the same key: the SVG map's marks and every drawn sector colour in the key.
    const [v] = await Promise.all([page.waitForEvent('download'), page.click('.side .export-item[data-export="svg"]')]);
    const svg = (await downloadBytes(v)).toString('utf8');
    assert.match(svg, /class="svg-map/);
    const key = svg.slice(svg.indexOf('class="map-key"'));
    for (const s of drawn) assert.ok(key.includes(`fill="${colours.get(s)}"`), `the SVG key shows ${s} in ${colours.get(s)}`);
    guard.assertClean();
    await close();
  });

  it('the map without WebGL at 1280×720 (local plans: Dalian, Shaanxi): no mark hides another, no two labels overlap', async () => {
    const browser = await openBrowser(['--disable-3d-apis', '--disable-webgl']);
    try {
      const { page, guard, close } = await openPage(browser, site.server.origin, '/?layer=local&stage=target-1', { viewport: { width: 1280, height: 720 } });
      await defineName(page);
      assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'svg');
      const found = await page.evaluate(() => {
        const marks = [...document.querySelectorAll<SVGCircleElement>('.svg-map .mark')].map((c) => ({ id: c.dataset['cluster'], x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value }));
        const hidden: string[] = [];
        for (let i = 0; i < marks.length; i++)
          for (let j = i + 1; j < marks.length; j++) {
            const a = marks[i]!, b = marks[j]!;
            if (Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.r, b.r) - 0.5) hidden.push(`${a.id} × ${b.id}`);
          }
        const labels = [...document.querySelectorAll('.svg-map text')].map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() })).filter((l) => l.r.width > 0);
        const clash: string[] = [];
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++) {
            const a = labels[i]!.r, b = labels[j]!.r;
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) clash.push(`${labels[i]!.t} × ${labels[j]!.t}`);
          }
        return { marks: marks.length, groups: document.querySelectorAll('.svg-map .mark-group').length, hidden, clash };
      });
      assert.ok(found.marks + found.groups > 10, JSON.stringify(found));
      assert.deepEqual(found.hidden, [], 'a mark hides another');
      assert.deepEqual(found.clash, [], 'map labels overlap');
      await page.screenshot({ path: join(SHOTS, 'layout-1280-svg-map.png') });
      guard.assertClean();
      await close();
    } finally {
      await browser.close();
    }
  });

  it('the WebGL map at 1280×720 (local plans): a grouped mark carries its count, and the count moves with the map', async () => {
    // With reduced motion asked for, maplibre does not carry a pan on past the release (no inertia): the pan
    // ends where the pointer stopped, however fast the drag was.
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?layer=local&stage=target-1', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    const counts = () =>
      page.evaluate(() => {
        const map = document.getElementById('map')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('#map .map-group-counts > span')].map((s) => {
          const r = s.getBoundingClientRect();
          return { n: s.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2, inside: r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom };
        });
      });
    const before = await counts();
    assert.ok(before.length > 0, 'Dalian’s marks are grouped at the national view');
    for (const c of before) {
      assert.match(c.n, /^\d+$/);
      assert.ok(Number(c.n) >= 2, `a group of ${c.n}`);
    }
    assert.ok(before.some((c) => c.inside), JSON.stringify(before));
    // Drawn over the marks, not under them: dark digits inside the group's light ring, read from the screen.
    const shown = before.find((c) => c.inside)!;
    const shot = await page.screenshot({ clip: { x: shown.x - 8, y: shown.y - 6, width: 16, height: 12 } });
    const dark = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]! < 90) n++;
      return n;
    }, shot.toString('base64'));
    assert.ok(dark >= 10, `the count's digits are seen (${dark} dark pixels)`);
    // Pan the map: every count moves by the same offset as the map.
    const i = before.findIndex((c) => c.inside);
    const first = before[i]!;
    const box = (await page.locator('#map').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 80, cy - 40, { steps: 4 });
    await page.mouse.up();
    // The same zoom keeps the same groups in the same order: the i-th count is the same group's.
    await page.waitForFunction(
      ([k, x]) => {
        const s = document.querySelectorAll<HTMLElement>('#map .map-group-counts > span')[k];
        if (!s) return false;
        const r = s.getBoundingClientRect();
        return Math.abs(r.left + r.width / 2 - x) > 20;
      },
      [i, first.x] as const,
    );
    const moved = (await counts())[i]!;
    assert.equal(moved.n, first.n);
    assert.ok(Math.abs(moved.x - (first.x - 80)) < 6 && Math.abs(moved.y - (first.y - 40)) < 6, `moved with the map: ${JSON.stringify({ first, moved })}`);
    // The map picks its marks on the CPU (src/map/pick.ts): over a group the pointer is a hand and the
    // tooltip gives the group's count (its first line); a click zooms in on the group by 1.5, where it splits.
    const zoomOf = () => Number(new URL(page.url()).searchParams.get('at')?.split(',')[2]);
    await page.waitForURL(/[?&]at=/); // the pan's end writes the camera
    const zoomBefore = zoomOf();
    assert.ok(zoomBefore > 0, page.url());
    await page.mouse.move(moved.x, moved.y);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#map canvas.maplibregl-canvas')?.style.cursor === 'pointer');
    const tip = page.locator('#map .tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.equal(((await tip.locator(':scope > strong').textContent()) ?? '').replace(/\D/g, ''), moved.n.replace(/\D/g, ''), (await tip.textContent()) ?? '');
    await page.mouse.click(moved.x, moved.y);
    await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('at')?.split(',')[2]) > z + 1, zoomBefore);
    assert.ok(Math.abs(zoomOf() - zoomBefore - 1.5) < 0.05, `zoomed in by 1.5: ${zoomBefore} → ${zoomOf()}`);
    guard.assertClean();
    await close();
  });

  it('on a 375 px phone: one column that scrolls, no text under 10 px on any tab', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { viewport: { width: 375, height: 812 } });
    await defineName(page);
    const problems: string[] = [];
    for (const tab of ['list', ...CHARTS]) {
      await openTab(page, tab);
      problems.push(...(await smallText(page)).map((s) => `${tab}: ${s}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${tab}: nothing overflows the phone's width`);
    }
    assert.deepEqual([...new Set(problems)], [], 'text under 10 px');
    await page.screenshot({ path: join(SHOTS, 'layout-375-inset.png'), clip: await page.locator('#map').boundingBox().then((b) => b!) });
    guard.assertClean();
    await close();
  });
});
