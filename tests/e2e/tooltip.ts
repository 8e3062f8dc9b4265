/** The map tooltip's place, checked the same way on both maps. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * With the pointer at (x, y) in client coordinates, checks the tooltip's place: 14 px below the pointer
 * (moved up only as far as the map's bottom edge needs), and 14 px to its right, or to its left near the
 * map's right edge.
 */
export async function assertTooltipBesidePointer(page: Page, x: number, y: number): Promise<void> {
  const tip = page.locator('#map .tooltip');
  await tip.waitFor({ state: 'visible' });
  const b = (await tip.boundingBox())!;
  const map = (await page.locator('#map').boundingBox())!;
  const top = Math.max(map.y + 4, Math.min(y + 14, map.y + map.height - b.height - 4));
  assert.ok(Math.abs(b.y - top) <= 2, `tooltip top ${b.y.toFixed(0)}, pointer at y ${y.toFixed(0)} (map top ${map.y.toFixed(0)}): expected ${top.toFixed(0)}`);
  // To the right, or to the left where the map's right edge is too near (on a phone: as far left as it goes).
  const left = x + 14 + b.width > map.x + map.width ? Math.max(map.x + 4, x - 14 - b.width) : x + 14;
  assert.ok(Math.abs(b.x - left) <= 2, `tooltip ${b.x.toFixed(0)}–${(b.x + b.width).toFixed(0)}, pointer at x ${x.toFixed(0)} (map ${map.x.toFixed(0)}–${(map.x + map.width).toFixed(0)}): expected left ${left.toFixed(0)}`);
}
