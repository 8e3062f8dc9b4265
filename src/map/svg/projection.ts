/**
 * The SVG map's size and projection: the container's box, Mercator fitted to China in it (the WebGL map's
 * initial framing), and the room inside each province at that scale for the marks' layout.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import { CHINA_BOUNDS, featureExtent, type BaseGeometry } from '../geo.ts';
import { provinceRooms } from '../layout.ts';

export interface Size {
  width: number;
  height: number;
}

/** Size used when the container has no layout (hidden, or a test DOM). */
const FALLBACK_SIZE: Size = { width: 800, height: 600 };

export function measure(container: HTMLElement): Size {
  const r = container.getBoundingClientRect();
  const width = Math.round(r.width) || container.clientWidth;
  const height = Math.round(r.height) || container.clientHeight;
  return width > 0 && height > 0 ? { width, height } : FALLBACK_SIZE;
}

/** Mercator with China's bounds fitted inside a small margin of the box, `below` px kept free at its bottom (insetRoom.ts). */
export function fitChina({ width, height }: Size, below = 0): GeoProjection {
  const pad = Math.max(8, Math.min(width, height) * 0.02);
  const bounds = { type: 'MultiPoint' as const, coordinates: CHINA_BOUNDS };
  // No adaptive resampling: the geometry's edges are short, and maplibre draws them straight in the
  // same projection (resampling cost most of this drawing's time, and bent nothing visible).
  return geoMercator().precision(0).fitExtent(
    [
      [pad, pad],
      [width - pad, Math.max(pad + 1, height - pad - below)],
    ],
    bounds,
  );
}

/**
 * The room inside each province at this projection: from its extent in degrees, the same the WebGL map
 * uses; Mercator keeps the corners the corners.
 */
export function roomsIn(geo: BaseGeometry, projection: GeoProjection): Map<string, number> {
  return provinceRooms(geo.provinces.features, (f: BaseGeometry['provinces']['features'][number]) => {
    const [[w, s], [e, n]] = featureExtent(f);
    return [projection([w, n])!, projection([e, s])!];
  });
}

/** Calls `resized` (once per frame at most) when the container's box changes from `current()`. Returns the stop. */
export function watchSize(container: HTMLElement, current: () => Size, resized: () => void): () => void {
  const win = container.ownerDocument.defaultView;
  if (!win || typeof win.ResizeObserver !== 'function') return () => undefined;
  let frame = 0;
  const observer = new win.ResizeObserver(() => {
    const next = measure(container);
    const now = current();
    if (next.width === now.width && next.height === now.height) return;
    win.cancelAnimationFrame(frame);
    frame = win.requestAnimationFrame(resized);
  });
  observer.observe(container);
  return () => {
    observer.disconnect();
    win.cancelAnimationFrame(frame);
  };
}
