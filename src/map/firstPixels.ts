/**
 * Something true on the map area at once: the base map (provinces in their region colours, the same
 * Mercator framing as the WebGL map's initial view) drawn as SVG from the geometry alone, before the
 * data and maplibre are in. The page then takes the drawing over as its SVG map (the first view adds
 * the marks to it), until the WebGL map has drawn its marks and replaces it.
 */
import { createSvgMap, type SvgMapController, type SvgMapOptions } from './svgMap.ts';
import { sizeScale } from './layout.ts';
import type { BaseGeometry } from './geo.ts';
import type { Lang } from '../i18n/index.ts';

export interface FirstPixels {
  /** Resolves with performance.now() at the first frame painted with the base map. */
  painted: Promise<number>;
  /**
   * The drawing becomes the page's SVG map (its base is not drawn a second time): null once removed. The
   * map's destroy() then removes the drawing's box too.
   */
  adopt(opts: Pick<SvgMapOptions, 'sectorColor' | 'onHover' | 'onSelect' | 'ariaLabel'>): SvgMapController | null;
  remove(): void;
}

export function drawFirstPixels(mapEl: HTMLElement, geo: BaseGeometry, lang: Lang, shownRegions: ReadonlySet<string>): FirstPixels {
  const doc = mapEl.ownerDocument;
  const host = doc.createElement('div');
  host.className = 'map-first-pixels';
  host.setAttribute('aria-hidden', 'true');
  mapEl.prepend(host);
  let map: SvgMapController;
  try {
    map = createSvgMap(host, { geo, lang, sectorColor: () => 'transparent', onHover: () => undefined, onSelect: () => undefined, ariaLabel: '' });
    map.update([], sizeScale([]), null, shownRegions);
  } catch (err) {
    // Nothing half drawn stays behind: the page draws its own map (and reports what failed).
    host.remove();
    throw err;
  }
  const win = doc.defaultView;
  const painted = new Promise<number>((resolve) => {
    // The frame after the one that lays the SVG out is the first one showing it.
    if (!win) return resolve(performance.now());
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve(performance.now())));
  });
  let removed = false;
  return {
    painted,
    adopt(opts) {
      if (removed) return null;
      removed = true;
      host.removeAttribute('aria-hidden');
      host.classList.add('is-adopted');
      map.setOptions(opts);
      return {
        ...map,
        destroy() {
          map.destroy();
          host.remove();
        },
      };
    },
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
