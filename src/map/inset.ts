/**
 * The 南海诸岛 inset: the framed box in the lower right of a map of China that shows the South China Sea
 * islands and the dashed line at a smaller scale. One function for the WebGL map (an overlay element)
 * and the SVG fallback (nested in its SVG). Self-contained: every style is an attribute, sizes are in
 * viewBox units, so CSS only sets the width (the height follows the fixed aspect) and an exported SVG
 * looks the same. No figures are drawn in it.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { mercatorPath } from './fastPath.ts';
import type { Feature, Geometry, Point } from 'geojson';
import { featureExtent, type BaseGeometry, type ProvinceProps, type ScsProps } from './geo.ts';
import { t, type Lang } from '../i18n/index.ts';
import { BASE, FONT_STACK } from '../theme/palette.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The area shown: Guangxi's coast and Taiwan in the north, 曾母暗沙 and the southernmost dash in the south. */
export const INSET_EXTENT: [[number, number], [number, number]] = [
  [106.6, 2.9],
  [124.6, 25.3],
];
/** Width of the viewBox in user units; roughly the px width on a desktop, so font sizes read as px there. */
export const INSET_WIDTH = 140;
const PAD = 2;

/** The title's lines: one in Chinese; in English the last word goes on a line of its own to fit the box. */
function titleLines(lang: Lang): string[] {
  const title = t(lang, 'inset.title');
  const cut = title.lastIndexOf(' ');
  return lang === 'en' && cut > 0 ? [title.slice(0, cut), title.slice(cut + 1)] : [title];
}

/**
 * Where each name sits relative to its point, in viewBox units: dx, and dy of the middle of the text
 * block. The positions of the island groups are approximate, so their names sit where they collide
 * neither with each other nor with the dashes. A name not listed is centred just below its point.
 */
const PLACEMENT: Record<string, { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' }> = {
  'Dongsha Islands': { dx: 0, dy: -8, anchor: 'middle' },
  'Xisha Islands': { dx: 2, dy: -12, anchor: 'middle' },
  'Zhongsha Islands': { dx: 0, dy: 8, anchor: 'middle' },
  'Nansha Islands': { dx: 0, dy: 0, anchor: 'middle' },
  'Huangyan Island': { dx: 6, dy: 18, anchor: 'middle' },
  'Zengmu Ansha': { dx: -4, dy: 0, anchor: 'end' },
};
/** Drawn at its viewBox width (140 px) on every screen, so names are never under 10 px, on a phone too. */
const NAME_SIZE: Record<Lang, number> = { zh: 10, en: 10 };

/**
 * The inset is the same drawing for one geometry and language, and a page shows it up to three times (its
 * first pixels, the SVG map, the WebGL map): drawn once, then copied.
 */
const drawn = new WeakMap<Document, WeakMap<BaseGeometry, Map<Lang, SVGSVGElement>>>();

export function renderInset(doc: Document, geo: BaseGeometry, lang: Lang): SVGSVGElement {
  let byGeo = drawn.get(doc);
  if (!byGeo) drawn.set(doc, (byGeo = new WeakMap()));
  let byLang = byGeo.get(geo);
  if (!byLang) byGeo.set(geo, (byLang = new Map()));
  let template = byLang.get(lang);
  if (!template) byLang.set(lang, (template = drawInset(doc, geo, lang)));
  return template.cloneNode(true) as SVGSVGElement;
}

/** What every step of the drawing needs: the element maker, the language, the projection and its paths. */
interface Inset {
  el: <K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Record<string, string | number>) => SVGElementTagNameMap[K];
  lang: Lang;
  projection: GeoProjection;
  /** The viewBox height (the width is INSET_WIDTH). */
  height: number;
  landPath: ReturnType<typeof mercatorPath>;
  linePath: ReturnType<typeof mercatorPath>;
}

const round = (n: number) => Math.round(n * 10) / 10;

function drawInset(doc: Document, geo: BaseGeometry, lang: Lang): SVGSVGElement {
  const inset = insetFrame(doc, lang);
  const { el, height } = inset;
  const svg = el('svg', {
    class: 'scs-inset',
    viewBox: `0 0 ${INSET_WIDTH} ${height}`,
    preserveAspectRatio: 'xMidYMid meet',
    role: 'img',
    'aria-label': t(lang, 'inset.label'),
    'font-family': FONT_STACK,
  });
  svg.append(el('rect', { class: 'scs-inset-sea', x: 0.5, y: 0.5, width: INSET_WIDTH - 1, height: height - 1, fill: BASE.sea, stroke: 'none' }));
  svg.append(insetLand(inset, geo), ...insetLines(inset, geo), insetDashes(inset, geo), insetNames(inset, geo), insetTitle(inset));
  svg.append(el('rect', { class: 'scs-inset-frame', x: 0.5, y: 0.5, width: INSET_WIDTH - 1, height: height - 1, fill: 'none', stroke: BASE.nation, 'stroke-width': 1 }));
  return svg;
}

/** The projection fitted to the inset's width, its height, and paths clipped to the box inside the frame. */
function insetFrame(doc: Document, lang: Lang): Inset {
  const el: Inset['el'] = (tag, attrs = {}) => {
    const e = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const extent: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: INSET_EXTENT };
  const projection = geoMercator().precision(0).fitWidth(INSET_WIDTH - 2 * PAD, extent);
  const [[, y0], [, y1]] = geoPath(projection).bounds(extent);
  const height = Math.ceil(y1 - y0 + 2 * PAD);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty - y0 + PAD]).clipExtent([
    [PAD, PAD],
    [INSET_WIDTH - PAD, height - PAD],
  ]);
  // Land, lines and dashes clipped to the box inside the frame (as d3's clipExtent did).
  const box: [[number, number], [number, number]] = [
    [PAD, PAD],
    [INSET_WIDTH - PAD, height - PAD],
  ];
  return { el, lang, projection, height, landPath: mercatorPath(projection, box, 'fill'), linePath: mercatorPath(projection, box) };
}

/** The provinces that reach into the box, filled by region as on the main map. */
function insetLand({ el, landPath }: Inset, geo: BaseGeometry): SVGGElement {
  const land = el('g', { class: 'scs-inset-land' });
  const inBox = (f: Feature<Geometry, ProvinceProps>) => {
    const [[w, s], [e, n]] = featureExtent(f);
    return e >= INSET_EXTENT[0][0] && w <= INSET_EXTENT[1][0] && n >= INSET_EXTENT[0][1] && s <= INSET_EXTENT[1][1];
  };
  for (const f of geo.provinces.features) {
    if (!inBox(f)) continue;
    const d = landPath(f);
    if (!d) continue;
    land.append(el('path', { d, fill: BASE.fills[f.properties.region], 'data-adcode': f.properties.adcode, 'data-region': f.properties.region }));
  }
  return land;
}

/** The provinces' borders and the national outline (which also shows the islets of 西沙 and 南沙 as specks). */
function insetLines({ el, linePath }: Inset, geo: BaseGeometry): SVGPathElement[] {
  const out: SVGPathElement[] = [];
  const borders = linePath(geo.borders);
  if (borders) out.push(el('path', { class: 'scs-inset-borders', d: borders, fill: 'none', stroke: BASE.border, 'stroke-width': 0.5 }));
  const nation = linePath(geo.nation);
  if (nation) out.push(el('path', { class: 'scs-inset-nation', d: nation, fill: 'none', stroke: BASE.nation, 'stroke-width': 0.6, 'stroke-linejoin': 'round' }));
  return out;
}

/** The dashed line: each feature is one dash of it, drawn solid; the gaps between features make the dashes. */
function insetDashes({ el, linePath }: Inset, geo: BaseGeometry): SVGGElement {
  const dashes = el('g', { class: 'scs-inset-dashes', fill: 'none', stroke: BASE.dash, 'stroke-width': 1.6, 'stroke-linecap': 'round' });
  for (const f of geo.scs.features) {
    if (f.properties.kind !== 'dash') continue;
    const d = linePath(f);
    if (d) dashes.append(el('path', { class: 'scs-dash', d }));
  }
  return dashes;
}

/** Names: islands get a point symbol, island groups a name only. */
function insetNames(inset: Inset, geo: BaseGeometry): SVGGElement {
  const { el, projection } = inset;
  const names = el('g', { class: 'scs-inset-names', fill: BASE.label, stroke: BASE.sea, 'stroke-width': 2, 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
  for (const f of geo.scs.features) {
    if (f.properties.kind === 'dash' || f.geometry.type !== 'Point') continue;
    const p = projection((f.geometry as Point).coordinates as [number, number]);
    if (!p) continue;
    const [x, y] = p;
    if (f.properties.kind === 'island') {
      names.append(el('circle', { class: 'scs-island', cx: round(x), cy: round(y), r: 1.6, fill: BASE.dash, stroke: BASE.sea, 'stroke-width': 0.6 }));
    }
    names.append(nameText(inset, f.properties, x, y));
  }
  return names;
}

function nameText({ el, lang }: Inset, props: ScsProps, x: number, y: number): SVGTextElement {
  const place = PLACEMENT[props.name_en] ?? { dx: 0, dy: 9, anchor: 'middle' as const };
  const fs = NAME_SIZE[lang];
  const lines = lang === 'zh' ? [props.name_zh] : englishLines(props.name_en);
  const top = y + place.dy - ((lines.length - 1) * fs) / 2 + 0.35 * fs;
  const text = el('text', { class: `scs-name scs-name-${props.kind}`, 'text-anchor': place.anchor, 'font-size': fs });
  lines.forEach((line, i) => {
    const t = el('tspan', { x: round(x + place.dx), y: round(top + i * fs) });
    t.textContent = line;
    text.append(t);
  });
  return text;
}

/** The title in the lower right corner, the usual place for it. */
function insetTitle({ el, lang, height }: Inset): SVGTextElement {
  const title = el('text', {
    class: 'scs-inset-title',
    x: INSET_WIDTH - 5,
    'text-anchor': 'end',
    'font-size': lang === 'zh' ? 12 : 10,
    'font-weight': 600,
    fill: BASE.label,
  });
  const lines = titleLines(lang);
  const lineHeight = lang === 'zh' ? 13 : 11;
  lines.forEach((line, i) => {
    const t = el('tspan', { x: INSET_WIDTH - 5, y: round(height - 5 - (lines.length - 1 - i) * lineHeight) });
    t.textContent = line;
    title.append(t);
  });
  return title;
}

/** English names shortened the way atlases do (Xisha Islands → Xisha Is.); a long name that cannot be shortened takes two lines. */
function englishLines(name: string): string[] {
  const short = name.replace(/\s+Islands$/, ' Is.').replace(/\s+Island$/, ' I.');
  const i = short.indexOf(' ');
  return short === name && short.length > 10 && i > 0 ? [short.slice(0, i), short.slice(i + 1)] : [short];
}
