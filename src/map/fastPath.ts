/**
 * SVG path data for the base geometry in a plain Mercator projection, without d3-geo's stream: the same
 * points as d3's geoMercator with the same scale and translate (no rotation, no resampling), written
 * straight into a string. d3's stream (spherical clipping, then the projection, per point) was most of the
 * time to the first pixels; this is several times faster. The maps do their clipping in SVG (a clipPath, or
 * the inset's own viewport), so only lines can be trimmed here to a box, to keep their path data short.
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

/**
 * A path generator like geoPath(projection) for a geoMercator whose only settings are scale and translate
 * (as fitExtent/fitWidth leave it). Polygons are written whole; lines, when `trim` is given, keep only the
 * segments that reach into that box (a run outside it is left out; the drawing clips the rest).
 */
export function mercatorPath(projection: GeoProjection, trim?: PxBox): (o: PathObject) => string | null {
  const at = mercatorPoint(projection);
  const r = (n: number) => Math.round(n * 10) / 10;
  const out: string[] = [];
  const ring = (coords: Position[], closed: boolean) => {
    let last = '';
    let n = 0;
    const end = closed && coords.length > 1 ? coords.length - 1 : coords.length;
    for (let i = 0; i < end; i++) {
      const [x, y] = at(coords[i]![0]!, coords[i]![1]!);
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
    const [[x0, y0], [x1, y1]] = trim;
    const pts = coords.map((c) => at(c[0]!, c[1]!));
    // A segment is kept when its extent meets the box; points are written for kept segments only.
    const keep = (i: number) => {
      const a = pts[i]!, b = pts[i + 1]!;
      return Math.max(a[0], b[0]) >= x0 && Math.min(a[0], b[0]) <= x1 && Math.max(a[1], b[1]) >= y0 && Math.min(a[1], b[1]) <= y1;
    };
    let open = false;
    let last = '';
    for (let i = 0; i + 1 < pts.length; i++) {
      if (!keep(i)) {
        open = false;
        continue;
      }
      for (const p of open ? [pts[i + 1]!] : [pts[i]!, pts[i + 1]!]) {
        const s = `${r(p[0])},${r(p[1])}`;
        if (open && s === last) continue;
        out.push(open ? 'L' : 'M', s);
        open = true;
        last = s;
      }
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
    // With a trim box, polygon outlines are lines too (the maps stroke them without fill there).
    if (o.type === 'FeatureCollection') for (const f of o.features) geometry(f.geometry, !!trim);
    else if (o.type === 'Feature') geometry(o.geometry, !!trim);
    else geometry(o, !!trim);
    return out.length ? out.join('') : null;
  };
}
