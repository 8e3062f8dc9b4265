/**
 * The scale bench's CI-safe run (issue #15): the 1,000-cluster synthetic set built with the data build and
 * served in a copy of dist/, one page load measured. Measured, never asserted on time: the test checks
 * that every measurement exists and is a positive number and that the page shows 1,000 clusters.
 * The numbers are printed; `npm run bench:scale` records them for 1k, 10k and 100k.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openBrowser, startPreview, openPage, type Server } from './harness.ts';
import { prepareSize, stageSite, measureOnce, type Prepared } from '../../scripts/bench-scale.ts';
import { PAGE } from '../../src/ui/list.ts';

describe('scale bench, 1,000 synthetic clusters', () => {
  let browser: Browser;
  let server: Server;
  let prep: Prepared;
  before(async () => {
    prep = prepareSize(1000);
    server = await startPreview(stageSite(1000, 'dist'));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds, loads and measures every step', async (t) => {
    const r = await measureOnce(browser, server.origin, prep.isolated, 60_000);
    t.diagnostic(`build ${prep.buildMs} ms, atlas ${prep.atlas.raw} / ${prep.atlas.gzip} B raw / gzip`);
    t.diagnostic(JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
    assert.match(r.clustersShown.replace(/[,\s]/g, ''), /1000(个集群|clusters)/);
    assert.equal(r.renderer, 'webgl');
    const positive = (name: string, v: number | null | undefined) => assert.ok(typeof v === 'number' && Number.isFinite(v) && v > 0, `${name}: ${v}`);
    positive('build', prep.buildMs);
    positive('atlas raw', prep.atlas.raw);
    positive('atlas gzip', prep.atlas.gzip);
    for (const k of ['firstMapPx', 'firstView', 'firstWebglMapPx', 'firstMarksPx', 'webglIdle', 'ready', 'heapMB', 'hover'] as const) positive(k, r[k]);
    assert.equal(r.filterRepaint.length, 2);
    r.filterRepaint.forEach((v, i) => positive(`filterRepaint[${i}]`, v));
    assert.equal(r.sectorRepaint.length, 2);
    r.sectorRepaint.forEach((v, i) => positive(`sectorRepaint[${i}]`, v));
    assert.equal(r.sectorSync.length, 2);
    r.sectorSync.forEach((v, i) => positive(`sectorSync[${i}]`, v));
  });

  it(`the list draws one page of ${PAGE} rows and moves through all 1,000 by button and by arrow key`, async () => {
    const { page, guard, close } = await openPage(browser, server.origin, '/');
    const rows = page.locator('.cluster-list tbody tr');
    const ids = () => rows.evaluateAll((trs) => trs.map((r) => (r as HTMLElement).dataset['cluster']!));
    const pageText = page.locator('.list-pager .list-page');
    /** The pager's text for the k-th page (from 0), as the start of the zh line. */
    const pageOf = (k: number) => new RegExp(`^第 ${k * PAGE + 1}–${(k + 1) * PAGE} 个`);
    assert.equal(await rows.count(), PAGE);
    assert.match((await pageText.textContent()) ?? '', new RegExp(`^第 1–${PAGE} 个，共 1,?000 个$`));
    assert.equal(await page.locator('.list-prev').isDisabled(), true);
    const first = await ids();
    await page.locator('.list-next').click();
    assert.match((await pageText.textContent()) ?? '', pageOf(1));
    const second = await ids();
    assert.equal(second.length, PAGE);
    assert.equal(second.filter((id) => first.includes(id)).length, 0, 'the next page shows other clusters');
    // Down from a page's last row goes on to the next page's first.
    await rows.last().focus();
    await page.keyboard.press('ArrowDown');
    assert.match((await pageText.textContent()) ?? '', pageOf(2));
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tbody')?.firstElementChild === document.activeElement), true);
    const third = await ids();
    await page.keyboard.press('ArrowUp');
    assert.match((await pageText.textContent()) ?? '', pageOf(1));
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['cluster']), second[PAGE - 1]);
    guard.assertClean();
    await close();
    // A cluster selected elsewhere (here by the URL) opens the list at its page, its row selected.
    const other = await openPage(browser, server.origin, `/?cluster=${third[10]}`);
    assert.match((await other.page.locator('.list-pager .list-page').textContent()) ?? '', pageOf(2));
    assert.equal(await other.page.locator(`.cluster-list tr[data-cluster="${third[10]}"]`).getAttribute('aria-selected'), 'true');
    other.guard.assertClean();
    await other.close();
  });

  it("a group's ring on the WebGL map: hovered, it names its count and first members; clicked, it zooms in", async () => {
    const { page, guard, close } = await openPage(browser, server.origin, '/');
    assert.equal(await page.evaluate(() => window.__atlas?.renderer), 'webgl');
    // A ring: a point that several listed clusters are located at (each member is located at its ring).
    const ring = await page.evaluate(() => {
      const map = document.getElementById('map')!.getBoundingClientRect();
      const at = new Map<string, string[]>();
      for (const tr of document.querySelectorAll<HTMLElement>('.cluster-list tbody tr')) {
        const p = window.__atlas!.locate!(tr.dataset['cluster']!);
        if (!p || p[0] < map.left + 40 || p[0] > map.right - 40 || p[1] < map.top + 120 || p[1] > map.bottom - 40) continue;
        const k = `${Math.round(p[0])},${Math.round(p[1])}`;
        at.set(k, [...(at.get(k) ?? []), tr.dataset['cluster']!]);
      }
      const [k] = [...at].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
      return k ? k.split(',').map(Number) : null;
    });
    assert.ok(ring, 'a ring with listed members in view');
    await page.mouse.move(ring[0]!, ring[1]!);
    const tip = page.locator('#map .tooltip');
    await tip.waitFor({ state: 'visible' });
    const lines = await tip.locator(':scope > *').allTextContents();
    assert.match(lines[0]!, /^[\d,]+ 个集群$/);
    const count = Number(lines[0]!.replace(/\D/g, ''));
    assert.ok(count >= 2, lines.join(' | '));
    assert.equal(lines.at(-1), '点击放大查看');
    // The first names, then how many more (when the ring holds more than the tooltip names).
    assert.ok(lines.length >= 4 && lines.length <= 9, lines.join(' | '));
    if (count > lines.length - 2) assert.match(lines.at(-2)!, /^……另有 [\d,]+ 个$/);
    // Leaving the ring for the sea hides it; a click on the ring zooms in.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + box.height - 3);
    await tip.waitFor({ state: 'hidden' });
    await page.mouse.click(ring[0]!, ring[1]!);
    await page.waitForURL(/[?&]at=/);
    guard.assertClean();
    await close();
  });
});
