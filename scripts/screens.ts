/**
 * Screenshots for looking at the site as a reader would: the built site (dist/, run `npm run build` first)
 * served by vite preview, opened in Debian's chromium at 1440×900, the 1280×720 projector and a 375 px
 * phone, in Chinese and English. Writes tests/screenshots/review-<view>-<lang>-<width>.png and lists
 * them. Not a test: it asserts nothing and is not part of `npm test`.
 *
 *   npx tsx scripts/screens.ts [view …]     (default: every view below)
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openBrowser, openPage, settle, startPreview, SHOTS } from '../tests/e2e/harness.ts';

/**
 * The views worth a look, as the addresses a reader would open. `screen`: the window only, not the whole page: a full-page capture makes the window as tall as the page,
 * and the detail panel (a sheet fixed to the window's bottom on a phone, 55vh tall) then covers the map in
 * the picture, which no reader sees.
 */
const VIEWS: Record<string, { path: string; panel?: string; screen?: boolean }> = {
  default: { path: '/' },
  panel: { path: '/?cluster=amc-ningde-battery', panel: '.detail', screen: true },
  output: { path: '/?tab=output', panel: '.chart svg, .chart .chart-table' },
  change: { path: '/?tab=change', panel: '.chart svg, .chart .chart-table' },
  totals: { path: '/?tab=totals', panel: '.chart svg, .chart .chart-table' },
  outcomes: { path: '/?tab=outcomes', panel: '.chart svg, .chart .chart-table' },
};
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 375, height: 800 },
];

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const views = names.length ? names : Object.keys(VIEWS);
  const server = await startPreview();
  const browser = await openBrowser();
  const written: string[] = [];
  try {
    for (const name of views) {
      const view = VIEWS[name];
      if (!view) throw new Error(`no view "${name}": ${Object.keys(VIEWS).join(', ')}`);
      for (const lang of ['zh', 'en'] as const) {
        for (const viewport of SIZES) {
          const path = lang === 'en' ? `${view.path}${view.path.includes('?') ? '&' : '?'}lang=en` : view.path;
          const { page, close } = await openPage(browser, server.origin, path, { viewport });
          if (view.panel) await page.locator(view.panel).first().waitFor();
          await settle(page);
          const file = join(SHOTS, `review-${name}-${lang}-${viewport.width}.png`);
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: file, fullPage: !view.screen });
          written.push(file);
          await close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(written.join('\n'));
}

await main();
