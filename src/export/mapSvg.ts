/**
 * The map as a vector file: the site's SVG map (src/map/svgMap.ts, the same marks and layout as on
 * screen) drawn off-screen at the map's size, with title, subtitle, the map's whole key, source, citation
 * and notice, in one SVG whose every style is an attribute.
 */
import { createSvgMap } from '../map/svgMap.ts';
import type { BaseGeometry } from '../map/geo.ts';
import type { SizeScale } from '../map/layout.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { Lang } from '../i18n/index.ts';
import { exportFrame, textBlock } from './compose.ts';
import { wrap } from '../charts/shared/layout.ts';


export interface MapSvgOptions {
  doc: Document;
  geo: BaseGeometry;
  lang: Lang;
  ariaLabel: string;
  sectorColor: (id: string) => string;
  marks: ClusterMark[];
  scale: SizeScale;
  selectedId: string | null;
  shownRegions: ReadonlySet<string>;
  width: number;
  height: number;
  title: string;
  subtitle: string;
  key: SVGSVGElement;
  /** Source, citation and notice lines. */
  foot: string[];
}

export function composeMapSvg(o: MapSvgOptions): SVGSVGElement {
  const { doc, width: w } = o;
  const host = doc.createElement('div');
  host.style.cssText = `position:absolute;left:-30000px;top:0;width:${Math.round(w)}px;height:${Math.round(o.height)}px`;
  doc.body.append(host);
  const map = createSvgMap(host, { geo: o.geo, lang: o.lang, sectorColor: o.sectorColor, onHover: () => undefined, onSelect: () => undefined, ariaLabel: o.ariaLabel });
  map.update(o.marks, o.scale, o.selectedId, o.shownRegions);
  const drawn = host.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
  map.destroy();
  host.remove();

  const frame = exportFrame(doc, w, o.title, o.subtitle, 2, 3);
  const { svg, bg, pad } = frame;
  let { y } = frame;
  drawn.setAttribute('x', '0');
  drawn.setAttribute('y', String(Math.round(y)));
  drawn.setAttribute('width', String(w));
  drawn.setAttribute('height', String(o.height));
  svg.append(drawn);
  y += o.height;
  const key = o.key.cloneNode(true) as SVGSVGElement;
  key.setAttribute('x', '0');
  key.setAttribute('y', String(Math.round(y)));
  svg.append(key);
  y += Number(key.getAttribute('height')) + 14;
  for (const line of o.foot) y = textBlock(doc, svg, wrap(line, w - 2 * pad, 11, 6), pad, y, 11, '#52606D');
  const height = Math.ceil(y + pad);
  for (const [k, v] of Object.entries({ width: w, height, viewBox: `0 0 ${w} ${height}` })) svg.setAttribute(k, String(v));
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(height));
  return svg;
}
