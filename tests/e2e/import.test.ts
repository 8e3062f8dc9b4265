/**
 * Bring your own clusters: a table imported through the real file input lands on the map and in the list,
 * rejected rows are named, hostile text stays text, and no request leaves the page (only the site's own
 * gazetteer, and the page's own files when it reloads with the layer). Screenshots zh/en, 1440 and 375 px.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot, ROOT } from './harness.ts';

const FIX = join(ROOT, 'tests', 'fixtures', 'import');
const listIds = (page: Page) => page.locator('.cluster-list tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['cluster']!));
const ready = (page: Page) => page.waitForFunction(() => window.__atlas?.ready === true);

/** Every request the page makes from now on (URL, method, whether it carries a body). */
function recordRequests(page: Page): { url: string; method: string; body: boolean }[] {
  const seen: { url: string; method: string; body: boolean }[] = [];
  page.on('request', (r) => seen.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() != null }));
  return seen;
}

/**
 * Click a button that stores or clears the layer and reloads the page; wait for the reloaded atlas. When no
 * reload comes, the failure quotes what the dialog said (a store that failed says so there).
 */
async function reloadBy(page: Page, selector: string) {
  try {
    await Promise.all([page.waitForNavigation({ waitUntil: 'commit' }), page.locator(selector).click()]);
  } catch (e) {
    const said = await page.locator('.import-status').textContent().catch(() => null);
    throw new Error(`no reload after ${selector}; the dialog said: ${JSON.stringify(said)}`, { cause: e });
  }
  await ready(page);
}

async function openImport(page: Page, file: string) {
  await page.locator('.import-open').click();
  await page.locator('dialog.import-dialog[open]').waitFor();
  await page.setInputFiles('#import-file', join(FIX, file));
  await page.locator('.import-summary').waitFor();
}

describe('import', () => {
  const site = useSite();

  it('a GBK table from Excel loads through the file input onto the map and into the list; nothing leaves the page', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    const firstLoad = new Set((await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).map((u) => u.split('?')[0]));
    const before = await listIds(page);
    const requests = recordRequests(page);
    page.on('dialog', (d) => assert.fail(`a dialog opened: ${d.message()}`));
    await openImport(page, 'excel-gbk.csv');
    assert.match((await page.locator('.import-status').textContent()) ?? '', /GBK/);
    assert.match((await page.locator('.import-summary').textContent()) ?? '', /4行中4行可以导入，共4个集群/);
    assert.equal(await page.locator('.import-columns select[data-column="2"]').inputValue(), 'value');
    assert.match((await page.locator('.import-settings').textContent()) ?? '', /表中没有“阶段”列/);
    await screenshot(page, 'import-mapping-zh-1440');
    // Only the site's own gazetteer was fetched while reading, mapping and checking, besides the dialog's
    // own code and messages (loaded on use, from the site's assets/).
    const paths = requests.map((r) => new URL(r.url).pathname);
    const code = paths.filter((p) => /\/assets\/[^/]+\.(js|css)$/.test(p));
    assert.ok(code.some((p) => /\/dialog-[^/]+\.js$/.test(p)), `the dialog's code: ${code.join(', ')}`);
    assert.deepEqual(paths.filter((p) => !code.includes(p)).map((p) => p.split('/').pop()), ['gazetteer.json']);
    await reloadBy(page, 'button.import-commit');
    const ids = await listIds(page);
    for (const id of ['u-2', 'u-3', 'u-4', 'u-5']) assert.ok(ids.includes(id), `${id} in the list`);
    assert.ok(before.every((id) => ids.includes(id)), 'beside: the national lists stay');
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('u-2')), 'on the map');
    assert.equal(new URL(page.url()).searchParams.get('stage'), 'baseline');
    assert.match((await page.locator('.cluster-list tr[data-cluster="u-2"]').textContent()) ?? '', /安平丝网产业集群/);
    await screenshot(page, 'import-map-zh-1440');
    // The panel: the figure with the user's source line, its stage and year.
    await page.locator('.cluster-list tr[data-cluster="u-2"]').click();
    await page.locator('.detail').waitFor();
    const detail = (await page.locator('.detail').textContent()) ?? '';
    assert.match(detail, /excel-gbk/);
    assert.match(detail, /450/);
    // After the import: only GETs of the site's own files, no body, no user text in any address.
    for (const r of requests) {
      assert.ok(r.url.startsWith(site.server.origin + '/'), r.url);
      assert.equal(r.method, 'GET', r.url);
      assert.equal(r.body, false, r.url);
      assert.doesNotMatch(decodeURIComponent(r.url), /安平|枣强|清河|鹿邑|450/, r.url);
      const path = r.url.split('?')[0]!;
      // The files of the first load, the gazetteer, and the site's own code loaded on use (the dialog, and
      // after the reload the schemas that check the stored table).
      assert.ok(firstLoad.has(path) || path === site.server.origin + '/' || /gazetteer\.json$|\/assets\/[\w.-]+\.(js|css)$/.test(path), `unexpected request ${r.url}`);
    }
    guard.assertClean();
    await close();
  });

  it('names each rejected row by row and column; hostile text stays text on the map, list and panel', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    page.on('dialog', (d) => assert.fail(`a dialog opened: ${d.message()}`));
    await openImport(page, 'broken.csv');
    const rows = await page.locator('.import-errors tbody tr').evaluateAll((trs) => trs.map((tr) => `${(tr as HTMLElement).dataset['row']}:${(tr as HTMLElement).dataset['reason']}`));
    assert.deepEqual(rows, ['3:name-missing', '4:place-missing', '5:place-none', '6:value-bad', '7:year-bad']);
    assert.match((await page.locator('.import-errors').textContent()) ?? '', /找不到地名“火星省火星市”/);
    assert.equal(await page.locator('button.import-commit').isEnabled(), true, 'valid rows still load');
    await page.locator('.import-errors').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-errors-zh-1440');
    await page.setInputFiles('#import-file', join(FIX, 'hostile.csv'));
    await page.locator('.import-summary').waitFor();
    await reloadBy(page, 'button.import-commit');
    const row = page.locator('.cluster-list tr[data-cluster="u-2"]');
    assert.match((await row.textContent()) ?? '', /<img src=x onerror="alert\(1\)">/);
    await row.click();
    await page.locator('.detail').waitFor();
    assert.match((await page.locator('.detail').textContent()) ?? '', /<script>alert\(2\)<\/script>/);
    assert.equal(await page.locator('body img[src="x"], body svg[onload], body script:not([src])').count(), 0, 'no element made from the text');
    guard.assertClean();
    await close();
  });

  it('English, phone width: a dropped file; ambiguous places are listed with their candidates and a pick resolves them; the layer can be removed', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en', { viewport: { width: 375, height: 800 } });
    // Dropped on the drop zone this time, not picked.
    await page.locator('.import-open').click();
    const text = readFileSync(join(FIX, 'ambiguous.csv'), 'utf8');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'ambiguous.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.locator('.import-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await page.locator('.import-summary').waitFor();
    assert.match((await page.locator('.import-summary').textContent()) ?? '', /1 of 4 rows can be imported/);
    assert.equal(await page.locator('.import-ambiguous select').count(), 3);
    await page.locator('.import-ambiguous').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-ambiguous-en-375');
    await page.locator('.import-ambiguous select[data-place="朝阳区"]').selectOption('110105');
    await page.waitForFunction(() => /2 of 4 rows/.test(document.querySelector('.import-summary')?.textContent ?? ''));
    await page.locator('input[name="mode"][value="replace"]').check();
    await reloadBy(page, 'button.import-commit');
    assert.deepEqual((await listIds(page)).sort(), ['u-2', 'u-4'], 'replace: only the user layer');
    await screenshot(page, 'import-map-en-375');
    await page.locator('.import-open').click();
    assert.match((await page.locator('.import-current').textContent()) ?? '', /ambiguous\.csv, 2 clusters/);
    await reloadBy(page, 'button.import-clear');
    assert.ok(!(await listIds(page)).some((id) => id.startsWith('u-')), 'removed');
    guard.assertClean();
    await close();
  });
});
