/**
 * Large and Excel tables through the real import dialog: a 100,000-row table read and checked in a
 * worker with progress, put on the map and filtered; a cancel mid-way; tables over the limits refused up
 * front with the limit named; a table the browser's storage cannot hold leaves the earlier one intact;
 * an .xlsx workbook (sheet picker, title row, two-row header, formula) in the served site and in the
 * offline edition opened from disk. Tables are generated into a temporary folder, never committed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { useSite, openPage, screenshot, ROOT } from './harness.ts';
import { syntheticTableCsv } from '../../scripts/synthetic-table.ts';
import { clusterWorkbook } from './workbookFixture.ts';
import { formatNumber } from '../../src/i18n/format.ts';

const ready = (page: Page) => page.waitForFunction(() => window.__atlas?.ready === true, null, { timeout: 120000 });
const text = async (page: Page, sel: string) => (await page.locator(sel).first().textContent()) ?? '';

/** Every text the progress line shows, recorded as it changes (not sampled). */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const t = document.querySelector('.import-progress:not([hidden]) .import-progress-text')?.textContent;
      if (t && seen.at(-1) !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

async function openDialog(page: Page) {
  await page.locator('.import-open').click();
  await page.locator('dialog.import-dialog[open]').waitFor();
}

describe('large and Excel tables', () => {
  const site = useSite();
  let dir = '';
  const files: Record<string, string> = {};
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-import-large-'));
    const write = (name: string, body: string | Buffer) => (writeFileSync(join(dir, name), body), (files[name] = join(dir, name)));
    write('rows-100000.csv', syntheticTableCsv(100_000));
    write('rows-100001.csv', syntheticTableCsv(100_001));
    write('rows-20000.csv', syntheticTableCsv(20_000, 3));
    write('rows-500000.csv', syntheticTableCsv(500_000)); // ≈ 32 MB: over the 30 MB limit
    // 100,000 rows with a long note: slow enough to read that a cancel lands while it reads.
    write('rows-100000-notes.csv', syntheticTableCsv(100_000).split('\r\n').map((l, i) => (l ? `${l},${i === 0 ? '备注' : '说明'.repeat(30)}` : l)).join('\r\n'));
    write('clusters.xlsx', await clusterWorkbook());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('100,000 rows: read and checked in a worker with progress, put on the map, the list and the filters answer', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?tab=list');
    // The site's own clusters in the default view (the data grows), then the 100,000 imported beside them.
    const own = Number(/(\d+) 个集群/.exec(await text(page, '.list-host'))?.[1]);
    assert.ok(own > 0, `the site's own clusters: ${own}`);
    const all = `${formatNumber(own + 100000, 'zh')} 个集群`; // the list writes its count as the page does: 100,188
    await openDialog(page);
    const progress = await recordProgress(page);
    await page.setInputFiles('#import-file', files['rows-100000.csv']!);
    await page.locator('.import-summary').waitFor({ timeout: 120000 });
    assert.equal(await page.locator('dialog.import-dialog').getAttribute('data-runs'), 'worker');
    assert.match(await text(page, '.import-status'), /100,000行，4列/);
    assert.match(await text(page, '.import-summary'), /100,000行中100,000行可以导入，共100,000个集群/);
    const seen = await progress();
    assert.ok(seen.some((s) => /^已读取 [\d,]+ 行$/.test(s)), `rows read shown: ${seen.join(' | ')}`);
    assert.ok(seen.some((s) => /^已检查 [\d,]+ \/ 100,000 行$/.test(s)), `rows checked shown: ${seen.join(' | ')}`);
    await screenshot(page, 'import-100k-checked-zh-1440');
    await Promise.all([page.waitForURL(/tab=list/, { timeout: 120000 }), page.locator('button.import-commit').click()]);
    await ready(page);
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('u-2') != null), 'the first row is on the map');
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('u-100001') != null), 'the last row is on the map');
    assert.ok((await text(page, '.list-host')).includes(all), `${all} in the list`);
    await screenshot(page, 'import-100k-map-zh-1440');
    // A region filter: the list's count follows (every cluster outside the east).
    await page.locator('.region-filter input[value="east"]').uncheck();
    await page.waitForFunction((a) => !(document.querySelector('.list-host')?.textContent ?? '').includes(a), all, { timeout: 120000 });
    const shown = Number(/([\d,]+) 个集群/.exec(await text(page, '.list-host'))?.[1]?.replace(/,/g, ''));
    assert.ok(shown > 0 && shown < own + 100000, `after the filter: ${shown}`);
    guard.assertClean();
    await close();
  });

  it('cancel stops reading at once; another file then imports', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/?lang=en');
    await openDialog(page);
    await page.setInputFiles('#import-file', files['rows-100000-notes.csv']!);
    await page.locator('.import-progress:not([hidden])').waitFor();
    await screenshot(page, 'import-progress-en-1440');
    await page.locator('.import-progress-cancel').click();
    await page.waitForFunction(() => /Cancelled/.test(document.querySelector('.import-status')?.textContent ?? ''));
    assert.equal(await page.locator('.import-progress').isHidden(), true);
    assert.equal(await page.locator('button.import-commit').isDisabled(), true);
    await page.setInputFiles('#import-file', join(ROOT, 'tests/fixtures/import/excel-gbk.csv'));
    await page.locator('.import-summary').waitFor();
    assert.match(await text(page, '.import-summary'), /4 of 4 rows can be imported/);
    guard.assertClean();
    await close();
  });

  it('over the limits: refused up front, the limit and what to do named (zh, en)', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    await openDialog(page);
    assert.match(await text(page, '.import-start'), /一次最多导入 100,000 行、30 MB/);
    await page.setInputFiles('#import-file', files['rows-500000.csv']!);
    await page.waitForFunction(() => /超过一次导入的上限 30 MB/.test(document.querySelector('.import-status')?.textContent ?? ''));
    assert.match(await text(page, '.import-status'), /按地区或省份拆成几个文件/);
    assert.equal(await page.locator('.import-summary').count(), 0);
    await screenshot(page, 'import-too-large-zh-1440');
    await page.setInputFiles('#import-file', files['rows-100001.csv']!);
    await page.waitForFunction(() => /超过一次导入的上限 100,000 行/.test(document.querySelector('.import-status')?.textContent ?? ''), null, { timeout: 120000 });
    await close();
    const en = await openPage(site.browser, site.server.origin, '/?lang=en', { viewport: { width: 375, height: 800 } });
    await openDialog(en.page);
    await en.page.setInputFiles('#import-file', files['rows-500000.csv']!);
    await en.page.waitForFunction(() => /over the 30 MB one import takes/.test(document.querySelector('.import-status')?.textContent ?? ''));
    await screenshot(en.page, 'import-too-large-en-375');
    guard.assertClean();
    en.guard.assertClean();
    await en.close();
  });

  it("a table the browser's storage cannot hold is refused with a message; the table kept before stays", async () => {
    // The site's storage quota is 2 MB from the first load (Chromium applies an override to storage opened after it).
    const quota = async (page: Page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.server.origin, quotaSize: 2 * 1024 * 1024 });
    };
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/', { beforeGoto: quota });
    await openDialog(page);
    await page.setInputFiles('#import-file', join(ROOT, 'tests/fixtures/import/excel-gbk.csv'));
    await page.locator('.import-summary').waitFor();
    await Promise.all([page.waitForURL(/tab=list/), page.locator('button.import-commit').click()]);
    await ready(page);
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('u-2') != null));
    await openDialog(page);
    await page.setInputFiles('#import-file', files['rows-20000.csv']!);
    await page.locator('.import-summary').waitFor({ timeout: 120000 });
    await page.locator('button.import-commit').click();
    await page.waitForFunction(() => /存储空间不够/.test(document.querySelector('.import-status')?.textContent ?? ''), null, { timeout: 120000 });
    assert.match(await text(page, '.import-status'), /之前导入的表没有改动/);
    await screenshot(page, 'import-quota-zh-1440');
    await page.reload();
    await ready(page);
    assert.ok(await page.evaluate(() => window.__atlas!.locate!('u-2') != null), 'the earlier table is still there');
    assert.match(await text(page, '.cluster-list'), /安平丝网产业集群/);
    guard.assertClean();
    await close();
  });

  it('an .xlsx workbook: the data sheet chosen, title row skipped, two-row header and formula read; formula text stays text', async () => {
    const { page, guard, close } = await openPage(site.browser, site.server.origin, '/');
    await openDialog(page);
    await page.setInputFiles('#import-file', files['clusters.xlsx']!);
    await page.locator('.import-summary').waitFor();
    assert.match(await text(page, '.import-status'), /clusters\.xlsx：工作表“集群数据”，表头在第2行，3行，5列/);
    assert.deepEqual(await page.locator('select[name="sheet"] option').allTextContents(), ['说明（1行）', '集群数据（6行）', '旧表（隐藏）']);
    assert.match(await text(page, '.import-summary'), /3行中3行可以导入，共3个集群、6个数字/);
    assert.match(await text(page, '.import-columns'), /产值（亿元） 2022.*600 · 300\.5 · 100/s);
    assert.match(await text(page, '.import-columns'), /660 · 320 · 110/);
    await screenshot(page, 'import-xlsx-zh-1440');
    await Promise.all([page.waitForURL(/tab=list/), page.locator('button.import-commit').click()]);
    await ready(page);
    await page.locator('.cluster-list tr[data-cluster="u-4"]').click();
    await page.locator('.detail').waitFor();
    assert.match(await text(page, '.detail'), /=HYPERLINK\("http:\/\/evil\.example\/","点我"\)/);
    assert.match(await text(page, '.detail'), /660/);
    guard.assertClean();
    await close();
  });

  it('the offline edition from disk reads the same workbook in the page, with no request', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(ROOT, 'dist', 'cluster-atlas-offline.html')).href);
    await ready(page);
    await openDialog(page);
    await page.setInputFiles('#import-file', files['clusters.xlsx']!);
    await page.locator('.import-summary').waitFor();
    assert.equal(await page.locator('dialog.import-dialog').getAttribute('data-runs'), 'page');
    assert.match(await text(page, '.import-summary'), /共3个集群、6个数字/);
    assert.deepEqual(requests, []);
    await context.close();
  });
});
