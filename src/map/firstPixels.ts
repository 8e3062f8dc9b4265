/**
 * Something true on the map area at once: the base map (provinces in their region colours, the same
 * Mercator framing as the WebGL map's initial view) drawn as SVG from the geometry alone, before the
 * data and maplibre are in. The WebGL map starts on top of it and covers it; it is removed once that
 * map is idle, or once the SVG map proper takes over.
 */
import { createSvgMap } from './svgMap.ts';
import { sizeScale } from './layout.ts';
import type { BaseGeometry } from './geo.ts';
import type { Lang } from '../i18n/index.ts';

export interface FirstPixels {
  /** Resolves with performance.now() at the first frame painted with the base map. */
  painted: Promise<number>;
  remove(): void;
}

export function drawFirstPixels(mapEl: HTMLElement, geo: BaseGeometry, lang: Lang, shownRegions: ReadonlySet<string>): FirstPixels {
  const doc = mapEl.ownerDocument;
  const host = doc.createElement('div');
  host.className = 'map-first-pixels';
  host.setAttribute('aria-hidden', 'true');
  mapEl.prepend(host);
  const map = createSvgMap(host, { geo, lang, sectorColor: () => 'transparent', onHover: () => undefined, onSelect: () => undefined, ariaLabel: '' });
  map.update([], sizeScale([]), null, shownRegions);
  const win = doc.defaultView;
  const painted = new Promise<number>((resolve) => {
    // The frame after the one that lays the SVG out is the first one showing it.
    if (!win) return resolve(performance.now());
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve(performance.now())));
  });
  let removed = false;
  return {
    painted,
    remove() {
      if (removed) return;
      removed = true;
      map.destroy();
      host.remove();
    },
  };
}

let started: { mapEl: HTMLElement; fp: FirstPixels } | null = null;

/**
 * The page's first pixels, drawn once: the explore entry draws them as soon as the geometry is in (before
 * the page's own code and the WebGL map's have loaded); the page takes the same drawing over.
 */
export function startFirstPixels(mapEl: HTMLElement, geo: BaseGeometry, lang: Lang, shownRegions: ReadonlySet<string>): FirstPixels {
  if (started?.mapEl !== mapEl) started = { mapEl, fp: drawFirstPixels(mapEl, geo, lang, shownRegions) };
  return started.fp;
}
