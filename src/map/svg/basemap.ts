/** The SVG map's base: provinces in their region colours, borders, the national outline and the dashes. */
import type { GeoProjection } from 'd3-geo';
import type { BaseGeometry } from '../geo.ts';
import { mercatorPath, type PathObject } from '../fastPath.ts';
import { BASE } from '../../theme/palette.ts';
import { svgEl, type SvgLayers } from './dom.ts';
import type { Size } from './projection.ts';

/** The fills are muted already (palette.ts): opaque, as on the WebGL map; a region filtered out fades to the sea. */
const FILL_OPACITY = 1;
const DIM_OPACITY = 0.25;

/** A province drawn, with its region (to dim it when its region is filtered out). */
export interface ProvincePath {
  path: SVGPathElement;
  region: string;
}

/**
 * Draws the base into its layers. Like the WebGL map, the main map goes on below Hainan as far as its box:
 * the inset repeats the South China Sea at a scale that shows all of it.
 */
export function drawBasemap(layers: SvgLayers, geo: BaseGeometry, projection: GeoProjection, { width, height }: Size): ProvincePath[] {
  const doc = layers.svg.ownerDocument;
  const path = drawnPaths(mercatorPath(projection), `${width}x${height}:${projection.scale()}:${projection.translate().join(',')}`);
  layers.provinces.replaceChildren();
  const provinces: ProvincePath[] = [];
  for (const f of geo.provinces.features) {
    const d = path(f);
    if (!d) continue;
    const p = svgEl(doc, 'path', { class: 'province', d, fill: BASE.fills[f.properties.region], 'fill-opacity': FILL_OPACITY, 'data-adcode': f.properties.adcode, 'data-region': f.properties.region });
    layers.provinces.append(p);
    provinces.push({ path: p, region: f.properties.region });
  }
  layers.lines.replaceChildren();
  const borders = path(geo.borders);
  if (borders) layers.lines.append(svgEl(doc, 'path', { class: 'borders', d: borders, stroke: BASE.border, 'stroke-width': 1 }));
  const nation = path(geo.nation);
  if (nation) layers.lines.append(svgEl(doc, 'path', { class: 'nation', d: nation, stroke: BASE.nation, 'stroke-width': 1.2, 'stroke-linejoin': 'round' }));
  for (const f of geo.scs.features) {
    if (f.properties.kind !== 'dash') continue;
    const d = path(f);
    if (d) layers.lines.append(svgEl(doc, 'path', { class: 'scs-dash', d, stroke: BASE.dash, 'stroke-width': 1.6, 'stroke-linecap': 'round' }));
  }
  return provinces;
}

/** Dims the provinces whose region is not shown (none dimmed without a view yet). */
export function dimProvinces(provinces: readonly ProvincePath[], shown: ReadonlySet<string> | undefined): void {
  for (const { path, region } of provinces) {
    const dim = shown ? !shown.has(region) : false;
    path.classList.toggle('is-dim', dim);
    path.setAttribute('fill-opacity', String(dim ? DIM_OPACITY : FILL_OPACITY));
  }
}

/**
 * Path data of the base geometry by map size and camera: the explore page draws the same base map twice
 * (its first pixels, then the first view's SVG map), and projecting it is most of a drawing's time.
 * Each geometry keeps its last two.
 */
const pathsBySize = new WeakMap<object, Map<string, string | null>>();
function drawnPaths(path: (o: PathObject) => string | null, size: string): (o: PathObject) => string | null {
  return (o) => {
    let bySize = pathsBySize.get(o);
    if (!bySize) pathsBySize.set(o, (bySize = new Map()));
    if (bySize.has(size)) return bySize.get(size)!;
    const d = path(o);
    bySize.set(size, d);
    if (bySize.size > 2) bySize.delete(bySize.keys().next().value!);
    return d;
  };
}
