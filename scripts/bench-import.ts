/**
 * The bench's import measurement: the 5,000-row fixture through the explore page's real file input, from
 * setting the file to the check's summary (decode, parse, map headers, resolve every place, validate every
 * row), median of `runs`; and the gazetteer the dialog fetches, raw and gzip. Measured, never asserted.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../tests/e2e/harness.ts';

export interface ImportBench {
  rows: number;
  checkMs: { median: number; runs: number[] };
  gazetteer: { raw: number; gzip: number };
}

export async function benchImport(browser: Browser, origin: string, runs: number): Promise<ImportBench> {
  const file = join(ROOT, 'tests', 'fixtures', 'import', 'rows-5000.csv');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(origin + '/');
    await page.waitForFunction(() => window.__atlas?.ready === true, null, { timeout: 60000 });
    // The gazetteer is fetched when the dialog opens; measure the table's own work, not the fetch.
    const fetched = page.waitForResponse((r) => r.url().endsWith('/gazetteer.json'));
    await page.locator('.import-open').click();
    await page.locator('dialog.import-dialog[open]').waitFor();
    await fetched;
    await page.evaluate(() => document.querySelector('#import-file')!.addEventListener('change', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), { once: true }));
    await page.setInputFiles('#import-file', file);
    await page.locator('.import-summary').waitFor({ timeout: 120000 });
    times.push(Math.round(await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0)));
    await ctx.close();
  }
  const gz = readFileSync(join(ROOT, 'dist', 'data', 'gazetteer.json'));
  const sorted = [...times].sort((a, b) => a - b);
  return { rows: 5000, checkMs: { median: sorted[Math.floor(sorted.length / 2)]!, runs: times }, gazetteer: { raw: gz.length, gzip: gzipSync(gz).length } };
}
