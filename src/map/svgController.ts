/** The SVG fallback map behind the same MapController interface as the WebGL map. */
import { createSvgMap, type SvgMapController, type SvgMapOptions } from './svgMap.ts';
import type { MapController } from './clusterMap.ts';
import type { SizeScale } from './layout.ts';

/** `from`: an SVG drawing already on screen (the page's first pixels) that becomes this map, if it still stands. */
export function createSvgController(container: HTMLElement, opts: SvgMapOptions, scale: SizeScale, from?: { adopt(o: SvgMapOptions): SvgMapController | null }): MapController {
  const svg = from?.adopt(opts) ?? createSvgMap(container, opts);
  return {
    update: (placed, sel, shown) => svg.update(placed.map((p) => p.mark), scale, sel, shown),
    highlight: (id) => svg.highlight(id),
    highlightRegion: (region) => {
      for (const p of container.querySelectorAll('path.province')) p.classList.toggle('is-region-hot', region != null && p.getAttribute('data-region') === region);
    },
    // The camera: the same centre and zoom as the WebGL map's (a view made here carries over to it).
    fitBounds: (b) => svg.fitBounds(b),
    reset: () => svg.setCamera(null),
    jumpTo: (at) => svg.setCamera({ lon: at.lon, lat: at.lat, zoom: at.zoom }),
    onMoved: (fn) => svg.onMoved((c) => fn({ lon: c.lon, lat: c.lat, zoom: c.zoom })),
    onLost: () => undefined,
    locate: (id) => {
      const el = container.querySelector(`.mark[data-cluster="${CSS.escape(id)}"]`) ?? container.querySelector(`[data-cluster="${CSS.escape(id)}"]`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    },
    // Drawn synchronously by update().
    painted: () => Promise.resolve(),
    destroy: () => svg.destroy(),
  };
}
