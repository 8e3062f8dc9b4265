/**
 * Something true on the map area at once: with the WebGL map held back, the explore page already shows
 * the base map (src/map/firstPixels.ts); once the WebGL map is idle, the same provinces are in the same
 * places in the same region colours (no visible jump), and the early drawing is gone.
 *
 * How it can fail: draw the early map with another projection or framing (the sampled pixels land in
 * other provinces), other colours, its inset elsewhere, or leave it in place under the WebGL map.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, settle, SHOTS } from './harness.ts';

/** Provinces probed near their bounding-box centre (a point inside, away from names; no marks there). */
const PROBES = ['650000', '540000', '630000', '530000', '230000', '360000'];

type Rgb = [number, number, number];
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('first map pixels', () => {
  const site = useSite();

  it('the base map shows before the WebGL map, where and as the WebGL map then draws it', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', {
      waitReady: false,
      viewport: { width: 1440, height: 900 },
    });
    // Reload with the WebGL map's code and the data held back: only the geometry can arrive.
    await page.route(/clusterMap-[^/]*\.js$|atlas\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.waitForFunction(() => typeof window.__atlas?.firstPixelsAt === 'number');
    // The page's header and footer get their words as its code runs, which can change the map's box by a
    // few pixels after the first frame: the early map redraws for its box at the next frame. Compare that.
    await page.waitForFunction(() => {
      const svg = document.querySelector('.map-first-pixels svg.svg-map');
      return !!svg && Math.abs(Number(svg.getAttribute('height')) - svg.getBoundingClientRect().height) < 1;
    });
    assert.equal(await page.evaluate(() => window.__atlas?.ready), false, 'the page is still loading');
    const points = await page.evaluate((ids) => {
      // A point inside the province, 6 px from its borders and at least 10 px from every place name (the WebGL map sets its names
      // with another text engine: a probe on a glyph compares glyphs, not the map).
      // (No named functions in here: the test runner's transform would wrap them in a helper the page lacks.)
      const names = [...document.querySelectorAll('.map-first-pixels text')].map((t) => t.getBoundingClientRect());
      const out: { id: string; x: number; y: number }[] = [];
      for (const id of ids) {
        const path = document.querySelector<SVGGeometryElement>(`.map-first-pixels path.province[data-adcode="${id}"]`);
        if (!path) continue;
        const r = path.getBoundingClientRect();
        const toSvg = path.getScreenCTM()!.inverse();
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        // Candidates on a 6 px grid within 60 px, nearest first to the point 16 px below the centre.
        const grid = Array.from({ length: 21 }, (_, i) => (i - 10) * 6);
        const hit = grid
          .flatMap((dx) => grid.map((dy) => [dx, dy] as const))
          .sort((a, b) => Math.hypot(a[0], a[1] - 16) - Math.hypot(b[0], b[1] - 16))
          .map(([dx, dy]) => [Math.round(cx + dx), Math.round(cy + dy)] as const)
          // Inside with a margin (the point and four points 6 px around it: away from the borders too).
          .find(([x, y]) => [[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6]].every(([ex, ey]) => path.isPointInFill(new DOMPoint(x + ex!, y + ey!).matrixTransform(toSvg))) && names.every((n) => x < n.left - 10 || x > n.right + 10 || y < n.top - 10 || y > n.bottom + 10));
        if (hit) out.push({ id, x: hit[0], y: hit[1] });
      }
      return out;
    }, PROBES);
    assert.deepEqual(points.map((p) => p.id), PROBES, 'every probed province is drawn early, with a point to probe');
    const sample = async (file: string): Promise<Rgb[]> => {
      const png = await page.screenshot({ path: join(SHOTS, file) });
      return page.evaluate(
        async ({ data, pts }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const g = c.getContext('2d')!;
          g.drawImage(img, 0, 0);
          return pts.map((p) => [...g.getImageData(p.x, p.y, 1, 1).data.slice(0, 3)] as [number, number, number]);
        },
        { data: png.toString('base64'), pts: points },
      );
    };
    const insetBox = (selector: string) => page.locator(selector).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round);
    });
    const earlyInset = await insetBox('.map-first-pixels svg.scs-inset');
    const early = await sample('first-pixels-early.png');
    release();
    await page.waitForFunction(() => window.__atlas?.ready === true && window.__atlas.renderer === 'webgl');
    // The WebGL map at rest (no draw call for some frames) before it is compared with the early drawing.
    await settle(page);
    assert.equal(await page.locator('.map-first-pixels').count(), 0, 'the early drawing is removed once the WebGL map is idle');
    // The South China Sea inset where the WebGL page's CSS then puts it (lower left beside the chart at 1440).
    const idleInset = await insetBox('.map > .scs-inset');
    earlyInset.forEach((v, i) => assert.ok(Math.abs(v - idleInset[i]!) <= 2, `inset ${JSON.stringify(earlyInset)} early, ${JSON.stringify(idleInset)} once idle`));
    await page.screenshot({ path: join(SHOTS, 'first-pixels-idle.png') });
    // The base maps compared alone: the marks and their counts come with the data, after the first pixels.
    await page.addStyleTag({ content: '#deckgl-overlay, .map-group-counts { visibility: hidden; }' });
    const idle = await sample('first-pixels-idle-base.png');
    points.forEach((p, i) => assert.ok(distance(early[i]!, idle[i]!) < 40, `${p.id} at ${p.x},${p.y}: ${early[i]!.join(',')} early, ${idle[i]!.join(',')} once idle`));
    guard.assertClean();
    await close();
  });

  it('the SVG map leaves only after the WebGL map has drawn its marks: no frame of the base map alone', async () => {
    // Every WebGL draw call on deck.gl's canvas (not maplibre's) is timed, and so is the SVG map's removal.
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', {
      waitReady: false,
      beforeGoto: (p) =>
        p.addInitScript({
          content: `(() => {
            const t = (window.__swap = { deckDraw: null, svgGone: null });
            for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype])
              for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
                const orig = proto[name];
                proto[name] = function (...a) {
                  const c = this.canvas;
                  if (t.deckDraw == null && !(c && c.classList && c.classList.contains('maplibregl-canvas'))) t.deckDraw = performance.now();
                  return orig.apply(this, a);
                };
              }
            new MutationObserver(() => {
              if (t.svgGone == null && window.__atlas && window.__atlas.firstViewAt != null && !document.querySelector('#map svg.svg-map')) t.svgGone = performance.now();
            }).observe(document, { subtree: true, childList: true });
          })();`,
        }),
    });
    await page.waitForFunction(() => window.__atlas?.ready === true && window.__atlas.renderer === 'webgl');
    const t = await page.evaluate(() => (window as unknown as { __swap: { deckDraw: number | null; svgGone: number | null } }).__swap);
    assert.ok(t.svgGone != null && t.deckDraw != null, JSON.stringify(t));
    assert.ok(t.deckDraw < t.svgGone, `deck.gl's first draw at ${Math.round(t.deckDraw)} ms, the SVG map removed at ${Math.round(t.svgGone)} ms`);
    guard.assertClean();
    await close();
  });
});
