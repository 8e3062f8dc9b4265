/**
 * Room kept free below China for the 南海诸岛 inset. Where the page's CSS asks for it (`--map-inset-room:
 * below` on the map's box: a phone, where China fills the width and the inset in a corner would cover
 * provinces), both maps fit China above the inset: its height at its drawn width, and a margin.
 */
import type { BaseGeometry } from './geo.ts';
import { renderInset, INSET_WIDTH } from './inset.ts';

/** Between the inset's top and the land fitted above it, and below the inset (the CSS's bottom offset). */
const GAP = 10;

/** The px to keep free at the bottom of the map's box (0 where the CSS does not ask for it). */
export function insetRoom(container: HTMLElement, geo: BaseGeometry): number {
  const host = container.closest<HTMLElement>('.map, .embed-map');
  const win = container.ownerDocument.defaultView;
  if (!host || !win) return 0;
  if (win.getComputedStyle(host).getPropertyValue('--map-inset-room').trim() !== 'below') return 0;
  const viewBox = renderInset(container.ownerDocument, geo, 'zh').getAttribute('viewBox') ?? '';
  const [, , vw, vh] = viewBox.split(' ').map(Number);
  if (!vw || !vh) return 0;
  // Drawn no narrower than its viewBox (svg/inset.ts; the CSS's 140 px): its height at that width.
  return Math.ceil((vh * Math.max(INSET_WIDTH, vw)) / vw) + GAP;
}

/** maplibre's padding to fit China with that room below (12 px elsewhere, as before). */
export function chinaPadding(container: HTMLElement, geo: BaseGeometry): { top: number; right: number; bottom: number; left: number } {
  return { top: 12, right: 12, left: 12, bottom: 12 + insetRoom(container, geo) };
}
