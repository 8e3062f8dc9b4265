/**
 * SVG path data for the base geometry in a plain Mercator projection, without d3-geo's stream: the same
 * points as d3's geoMercator with the same scale and translate (no rotation, no resampling), written
 * straight into a string. d3's stream (spherical clipping, then the projection, per point) was most of the
 * time to the first pixels; this is several times faster. The main map is clipped by its SVG's own viewport;
 * the inset clips here, to the box inside its frame.
 */
import type { GeoProjection } from 'd3-geo';
import type { Geometry, Feature, FeatureCollection, Position } from 'geojson';

export type PathObject = Geometry | Feature | FeatureCollection;
/** [[x0, y0], [x1, y1]] in px. */
export type PxBox = [[number, number], [number, number]];

const RAD = Math.PI / 180;

/** The px position of [lon, lat] for a d3 geoMercator with no rotation and the default centre. */
export function mercatorPoint(projection: GeoProjection): (lon: number, lat: number) => [number, number] {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  return (lon, lat) => [tx + k * lon * RAD, ty - k * Math.log(Math.tan((Math.PI / 2 + lat * RAD) / 2))];
}

/** A segment clipped to a box (Liang–Barsky), or null when none of it is inside. */
export function clipSegment(a: [number, number], b: [number, number], [[x0, y0], [x1, y1]]: PxBox): [[number, number], [number, number]] | null {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  let t0 = 0, t1 = 1;
  for (const [p, q] of [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]] as const) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** A ring (px) clipped to a box, Sutherland–Hodgman: right for filling (the box is convex), not for stroking. */
export function clipRing(pts: [number, number][], [[x0, y0], [x1, y1]]: PxBox): [number, number][] {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let out = pts;
  for (const [inside, cross] of edges) {
    const src = out;
    out = [];
    for (let i = 0; i < src.length; i++) {
      const cur = src[i]!;
      const prev = src[(i + src.length - 1) % src.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

/**
 * A path generator like geoPath(projection) for a geoMercator whose only settings are scale and translate
 * (as fitExtent/fitWidth leave it). Without `trim`, polygons and lines are written whole. With it, lines are
 * clipped to that box, and polygons are clipped to it as shapes (`fill`, for filled ones) or, when only
 * stroked, as lines.
 */
export function mercatorPath(projection: GeoProjection, trim?: PxBox, polygons: 'fill' | 'stroke' = 'stroke'): (o: PathObject) => string | null {
  const at = mercatorPoint(projection);
  const r = (n: number) => Math.round(n * 10) / 10;
  const out: string[] = [];
  const ring = (coords: Position[], closed: boolean) => {
    let last = '';
    let n = 0;
    const end = closed && coords.length > 1 ? coords.length - 1 : coords.length;
    let pts: [number, number][] = [];
    for (let i = 0; i < end; i++) pts.push(at(coords[i]![0]!, coords[i]![1]!));
    if (trim && closed) pts = clipRing(pts, trim);
    for (const [x, y] of pts) {
      const s = `${r(x)},${r(y)}`;
      if (s === last) continue;
      out.push(n ? 'L' : 'M', s);
      last = s;
      n++;
    }
    if (closed && n) out.push('Z');
  };
  const line = (coords: Position[]) => {
    if (!trim) return ring(coords, false);
    const pts = coords.map((c) => at(c[0]!, c[1]!));
    // Each segment clipped to the box; a new subpath wherever the line left it.
    let last: string | null = null;
    for (let i = 0; i + 1 < pts.length; i++) {
      const seg = clipSegment(pts[i]!, pts[i + 1]!, trim);
      if (!seg) {
        last = null;
        continue;
      }
      const a = `${r(seg[0][0])},${r(seg[0][1])}`;
      const b = `${r(seg[1][0])},${r(seg[1][1])}`;
      if (a !== last) out.push('M', a);
      if (b !== a) out.push('L', b);
      last = b;
    }
  };
  const geometry = (g: Geometry | null, asLines: boolean) => {
    if (!g) return;
    switch (g.type) {
      case 'Polygon':
        for (const rg of g.coordinates) (asLines ? line(rg) : ring(rg, true));
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) for (const rg of p) (asLines ? line(rg) : ring(rg, true));
        break;
      case 'LineString':
        line(g.coordinates);
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) line(l);
        break;
      case 'GeometryCollection':
        for (const x of g.geometries) geometry(x, asLines);
        break;
      default:
        // Points are drawn as circles by the maps, never as path data.
        break;
    }
  };
  return (o) => {
    out.length = 0;
    // With a trim box, polygons only stroked are trimmed as lines; filled ones are clipped (ring()).
    const asLines = !!trim && polygons === 'stroke';
    if (o.type === 'FeatureCollection') for (const f of o.features) geometry(f.geometry, asLines);
    else if (o.type === 'Feature') geometry(o.geometry, asLines);
    else geometry(o, asLines);
    return out.length ? out.join('') : null;
  };
}
