/**
 * A static SVG map of a slide's view, cropped to the regions it is about: drawn once by the site's SVG
 * map (src/map/svgMap.ts) off-screen, then copied. Used for print, for thumbnails and, without WebGL,
 * on screen. The off-screen canvas is sized so that the crop shows labels and marks at `zoom` times
 * their normal size, whatever the region.
 */
import { createSvgMap } from '../map/svgMap.ts';
import type { BaseGeometry } from '../map/geo.ts';
import type { SizeScale } from '../map/layout.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { ViewState } from '../state/url.ts';
import type { Lang } from '../i18n/index.ts';
import { isNational } from './bounds.ts';
import { maxOf, minOf } from '../data/extent.ts';

export interface SnapshotOptions {
  doc: Document;
  geo: BaseGeometry;
  lang: Lang;
  ariaLabel: string;
  sectorColor: (id: string) => string;
  marks: ClusterMark[];
  scale: SizeScale;
  view: ViewState;
  width: number;
  height: number;
  /** How much larger than the site's map labels and marks are drawn. */
  zoom: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function draw(o: SnapshotOptions, width: number, height: number): { svg: SVGSVGElement; box: Box } {
  const host = o.doc.createElement('div');
  host.style.cssText = `position:absolute;left:-30000px;top:0;width:${Math.round(width)}px;height:${Math.round(height)}px;visibility:hidden`;
  o.doc.body.append(host);
  const map = createSvgMap(host, { geo: o.geo, lang: o.lang, sectorColor: o.sectorColor, onHover: () => undefined, onSelect: () => undefined, ariaLabel: o.ariaLabel });
  map.update(o.marks, o.scale, o.view.cluster, new Set(o.view.regions));
  const live = host.querySelector('svg')!;
  let box: Box = { x: 0, y: 0, width, height };
  if (!isNational(o.view.regions)) {
    const paths = [...live.querySelectorAll<SVGGraphicsElement>('path.province')].filter((p) => (o.view.regions as readonly string[]).includes(p.getAttribute('data-region') ?? ''));
    const boxes = paths.map((p) => p.getBBox()).filter((b) => b.width > 0 && b.height > 0);
    if (boxes.length) {
      const x0 = minOf(boxes.map((b) => b.x)), y0 = minOf(boxes.map((b) => b.y));
      const x1 = maxOf(boxes.map((b) => b.x + b.width)), y1 = maxOf(boxes.map((b) => b.y + b.height));
      const pad = 0.06 * Math.max(x1 - x0, y1 - y0);
      box = { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
    }
  }
  const svg = live.cloneNode(true) as SVGSVGElement;
  map.destroy();
  host.remove();
  return { svg, box };
}

export function svgSnapshot(o: SnapshotOptions): SVGSVGElement {
  // First pass at the target size finds how much the crop enlarges; the second draws the whole map
  // at the size that makes the crop come out at `zoom`.
  const first = draw(o, o.width, o.height);
  const k = Math.min(o.width / first.box.width, o.height / first.box.height);
  const f = Math.max(0.25, k / o.zoom);
  const { svg, box } = f === 1 ? first : draw(o, o.width * f, o.height * f);
  if (!isNational(o.view.regions)) svg.querySelector('.svg-map-inset')?.remove();
  svg.setAttribute('viewBox', [box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10).join(' '));
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.classList.add('svg-map-static');
  return svg;
}
