/** The SVG map's 南海诸岛 inset (inset.ts draws it): placed where the page puts the WebGL map's. */
import type { BaseGeometry } from '../geo.ts';
import { renderInset } from '../inset.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Size } from './projection.ts';

/**
 * Draws the inset into `layer`: where the page's CSS puts the WebGL map's (.map > .scs-inset: lower left or
 * right by screen width), so the SVG and WebGL maps match; elsewhere lower right. Never narrower than its
 * viewBox (140 px), so its names stay at 10 px or more.
 */
export function drawInset(layer: SVGGElement, container: HTMLElement, geo: BaseGeometry, lang: Lang, { width, height }: Size): void {
  layer.replaceChildren();
  const inset = renderInset(layer.ownerDocument, geo, lang);
  const [, , vw, vh] = (inset.getAttribute('viewBox') ?? '0 0 140 180').split(' ').map(Number) as [number, number, number, number];
  const css = cssInsetBox(container);
  const iw = css ? Math.max(140, Math.round(css.width)) : Math.round(Math.min(150, Math.max(140, width * 0.13)));
  const ih = Math.round((iw * vh) / vw);
  const margin = width < 520 ? 6 : 10;
  const at = css ? { x: Math.round(css.left), y: Math.round(css.bottom - ih) } : { x: width - iw - margin, y: height - ih - margin };
  for (const [k, v] of Object.entries({ ...at, width: iw, height: ih })) inset.setAttribute(k, String(v));
  layer.append(inset);
}

/**
 * Where the page's CSS places the WebGL map's inset in this map's box (left edge, bottom edge, width;
 * px from the box's top left), read from a hidden probe; null where no such rule applies.
 */
function cssInsetBox(container: HTMLElement): { left: number; bottom: number; width: number } | null {
  const host = container.closest<HTMLElement>('.map, .embed-map');
  if (!host) return null;
  const probe = container.ownerDocument.createElement('div');
  probe.className = 'scs-inset';
  probe.style.visibility = 'hidden';
  host.append(probe);
  try {
    const cs = getComputedStyle(probe);
    if (cs.position !== 'absolute') return null;
    const c = container.getBoundingClientRect();
    const p = probe.getBoundingClientRect();
    return { left: p.left - c.left, bottom: p.bottom - c.top, width: p.width };
  } finally {
    probe.remove();
  }
}
