/**
 * The SVG map's camera, in the WebGL map's terms: a centre and a maplibre zoom level (the world 512 px wide
 * at zoom 0, Mercator), so a view made on one map is the same view on the other. `null` is the initial
 * framing (China fitted to the box).
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import { CHINA_BOUNDS } from '../geo.ts';
import type { Size } from './projection.ts';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** A move made while drawing stays as it is: translate (x, y) in px, then scale k about the origin. */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

const WORLD = 512;
const RAD = Math.PI / 180;
/** How far in the camera may go (a county fills a phone); out, a little past the fitted framing. */
export const MAX_ZOOM = 11;
export const OUT_OF_FIT = 0.5;

const zoomOfScale = (scale: number) => Math.log2((2 * Math.PI * scale) / WORLD);
const scaleOfZoom = (zoom: number) => (WORLD * 2 ** zoom) / (2 * Math.PI);

/** The camera a projection shows in a box of `size`. */
export function cameraOf(p: GeoProjection, size: Size): Camera {
  const [lon, lat] = p.invert!([size.width / 2, size.height / 2])!;
  return { lon, lat, zoom: zoomOfScale(p.scale()) };
}

/** Mercator (default centre, no rotation: what fastPath draws) showing `c` in a box of `size`. */
export function projectionAt(c: Camera, size: Size): GeoProjection {
  const s = scaleOfZoom(c.zoom);
  const y = Math.log(Math.tan(Math.PI / 4 + (c.lat * RAD) / 2));
  return geoMercator()
    .precision(0)
    .scale(s)
    .translate([size.width / 2 - s * c.lon * RAD, size.height / 2 + s * y]);
}

/** The projection after a gesture's transform: each drawn point p goes to k·p + (x, y). */
export function transformed(p: GeoProjection, t: Transform): GeoProjection {
  const [tx, ty] = p.translate();
  return geoMercator()
    .precision(0)
    .scale(p.scale() * t.k)
    .translate([tx * t.k + t.x, ty * t.k + t.y]);
}

/** The camera kept inside sensible limits: zoom between just out of `fitted` and MAX_ZOOM, centre over China. */
export function clampCamera(c: Camera, fitted: Camera): Camera {
  const [[w, s], [e, n]] = CHINA_BOUNDS;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return { lon: clamp(c.lon, w, e), lat: clamp(c.lat, s, n), zoom: clamp(c.zoom, fitted.zoom - OUT_OF_FIT, MAX_ZOOM) };
}

/** The camera that frames `bounds` ([[w, s], [e, n]]) in a box of `size`, `pad` px inside its edges. */
export function cameraFitting(bounds: [[number, number], [number, number]], size: Size, pad: number): Camera {
  const p = geoMercator()
    .precision(0)
    .fitExtent(
      [
        [pad, pad],
        [size.width - pad, size.height - pad],
      ],
      { type: 'MultiPoint', coordinates: bounds },
    );
  return cameraOf(p, size);
}

/** The camera rounded as the WebGL map reports it (the page's URL). */
export const rounded = (c: Camera): Camera => ({ lon: Number(c.lon.toFixed(3)), lat: Number(c.lat.toFixed(3)), zoom: Number(c.zoom.toFixed(2)) });
