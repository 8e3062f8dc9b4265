/**
 * The share image: a chart (or the map, see shareMap.ts) as a PNG for phones (WeChat articles, Weibo).
 * Laid out at 540 CSS px and drawn at 2×, so 1080 px wide, carrying title, subtitle, the chart with its
 * key, source, notes, citation, notice and the site's address (shareLayout.ts), every word at a size read
 * on a phone. The chart is drawn narrower than 540 and scaled up, so its own labels come out at 15 px or
 * more. Loaded on use: the export menu imports this module when the item is clicked.
 */
import type { Atlas } from '../data/schema.ts';
import type { Lang } from '../i18n/index.ts';
import { buildChart, type BuiltChart, type ChartId } from '../charts/registry.ts';
import { parseView, reconcileView, type ViewState } from '../state/url.ts';
import { knownIds } from '../state/known.ts';
import { svgToCanvas, toBlob, type MapImageText } from './png.ts';
import { SHARE, headBlocks, footBlocks, blocksHeight, shareFrame, siteAddress, type ShareBody } from './shareLayout.ts';
import { shareMapPng } from './shareMap.ts';

export { siteAddress, shareMapPng };

const NS = 'http://www.w3.org/2000/svg';

/**
 * Room each side of the chart: its labels are placed by estimated widths, and one a little wider than
 * estimated (a long name that cannot wrap) runs into this margin instead of off the image.
 */
const CHART_MARGIN = 12;
const CHART_SPAN = SHARE.width - 2 * CHART_MARGIN;
/** Charts draw their labels at about 11 px: drawn this wide and scaled to 516, 11 px comes out at 15. */
const FIRST_CHART_WIDTH = Math.floor((CHART_SPAN * 11) / SHARE.chartText);
/** The narrowest width a chart is drawn at (the renders refuse less than 200). */
const MIN_CHART_WIDTH = 240;

/** The font size a text is drawn at in its own SVG: its own or its nearest ancestor's font-size. */
export function fontSizeOf(node: Element): number {
  for (let e: Element | null = node; e; e = e.parentElement) {
    const size = parseFloat(e.getAttribute('font-size') ?? '');
    if (size > 0) return size;
  }
  return 16;
}

export function minFontSize(svg: Element): number {
  let min = Number.POSITIVE_INFINITY;
  for (const node of svg.querySelectorAll('text, tspan')) min = Math.min(min, fontSizeOf(node));
  return min;
}

/** A text's extent down the page: from above its first line to below its last (tspans' dy added). */
function extent(node: Element): { top: number; bottom: number } | null {
  const y = parseFloat(node.getAttribute('y') ?? '');
  if (!Number.isFinite(y)) return null;
  const size = fontSizeOf(node);
  let down = 0;
  for (const span of node.querySelectorAll('tspan')) down += parseFloat(span.getAttribute('dy') ?? '') || 0;
  return { top: y - 0.75 * size, bottom: y + down + 0.15 * size };
}

/**
 * Whether two texts of one column (same x and anchor) run into each other: a chart squeezed into less
 * height than its labels need (the ranking's two-line names in rows made shorter to fit).
 */
export function crowded(svg: Element): boolean {
  const columns = new Map<string, { top: number; bottom: number }[]>();
  for (const node of svg.querySelectorAll('text')) {
    const e = extent(node);
    const key = `${node.getAttribute('x')}|${node.getAttribute('text-anchor') ?? 'start'}`;
    let col = columns.get(key);
    if (!col) columns.set(key, (col = []));
    if (e) col.push(e);
  }
  for (const col of columns.values()) {
    col.sort((a, b) => a.top - b.top);
    for (let i = 1; i < col.length; i++) if (col[i]!.top < col[i - 1]!.bottom - 1) return true;
  }
  return false;
}

/** A chart drawn at `width` px, fitting `room` px of height where it can; null when it cannot be redrawn. */
export type ChartAt = (width: number, room: number | null) => BuiltChart | null;

/**
 * Draws the chart at the widest width whose smallest label, scaled to 516 (540 less the margins), is at
 * least 15 px: first at 378 (11 px labels), narrower when the chart draws smaller text. `room` is the
 * height left in CSS px.
 */
export function fitChart(fallback: BuiltChart, at: ChartAt, room: number): { built: BuiltChart; scale: number } {
  let width = FIRST_CHART_WIDTH;
  let best: { built: BuiltChart; scale: number } | null = null;
  for (let tries = 0; tries < 4; tries++) {
    const scale = CHART_SPAN / width;
    const fitted = at(width, Math.max(200, Math.floor(room / scale)));
    // Taller but legible rather than squeezed: labels running into each other are not read on a phone.
    const built = fitted && crowded(fitted.svg) ? (at(width, null) ?? fitted) : fitted;
    if (!built) break;
    const drawn = CHART_SPAN / (Number(built.svg.getAttribute('width')) || width);
    best = { built, scale: drawn };
    const min = minFontSize(built.svg);
    if (min * drawn >= SHARE.chartText - 0.01) return best;
    const next = Math.floor((CHART_SPAN * min) / SHARE.chartText);
    if (next >= width || next < MIN_CHART_WIDTH) break;
    width = next;
  }
  return best ?? { built: fallback, scale: CHART_SPAN / (Number(fallback.svg.getAttribute('width')) || CHART_SPAN) };
}

/** The chart's SVG scaled by `scale` (a transform, so its text sizes stay as drawn), between the margins. */
export function chartBody(doc: Document, built: BuiltChart, scale: number): ShareBody {
  const inner = built.svg.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', '0');
  inner.setAttribute('overflow', 'visible');
  const g = doc.createElementNS(NS, 'g');
  g.setAttribute('class', 'share-chart');
  // Rounded up: 15 / 11 rounded down would draw 11 px labels at 14.9996 px.
  g.setAttribute('transform', `translate(${CHART_MARGIN} 0) scale(${Math.ceil(scale * 10000) / 10000})`);
  g.append(inner);
  return { el: g, height: Math.ceil((Number(inner.getAttribute('height')) || 0) * scale) };
}

export interface ShareChartInput {
  doc: Document;
  lang: Lang;
  /** The chart as drawn on the page: its text, and the drawing used when it cannot be redrawn. */
  built: BuiltChart;
  at: ChartAt;
  citation: string;
  notice?: string | null;
  address: string;
}

/** The composed share SVG of a chart, 540 wide. */
export function composeShareChart(i: ShareChartInput): SVGSVGElement {
  const { meta } = i.built;
  const head = headBlocks(meta.title, meta.subtitle);
  const foot = footBlocks({ lang: i.lang, source: meta.source, notes: meta.notes, citation: i.citation, notice: i.notice ?? null, address: i.address });
  const room = SHARE.maxHeight - 2 * SHARE.pad - 24 - blocksHeight(head) - blocksHeight(foot);
  const { built, scale } = fitChart(i.built, i.at, Math.max(300, room));
  return shareFrame(i.doc, meta.title, head, chartBody(i.doc, built, scale), foot).svg;
}

/**
 * The view the page shows, read back from its address (the explore page keeps it there; an embed too).
 * Keys of the embed and the single-file edition are not view keys: parseView passes over them.
 */
export function pageView(atlas: Atlas, lang: Lang, id: ChartId, search: string): ViewState {
  return { ...reconcileView(parseView(search).view, knownIds(atlas)).view, lang, tab: id };
}

/** Redraws the page's chart from the page's view; null (keep the page's drawing) when the view read back draws another chart. */
export function chartAtFromPage(atlas: Atlas, built: BuiltChart, lang: Lang, doc: Document, search: string): ChartAt {
  const view = pageView(atlas, lang, built.id, search);
  return (width, room) => {
    const again = buildChart(built.id, atlas, view, { width, lang, doc, room, idPrefix: `share-${built.id}` });
    return again.meta.title === built.meta.title && again.meta.subtitle === built.meta.subtitle ? again : null;
  };
}

/** The share PNG of a chart, its address from the page's (`href`). */
export async function shareChartPng(i: Omit<ShareChartInput, 'address'> & { href: string }): Promise<Blob> {
  return toBlob(await svgToCanvas(composeShareChart({ ...i, address: siteAddress(i.href, i.citation) }), SHARE.density));
}

/** The export menu's share item for a chart (src/ui/exportMenu.ts): drawn again from the page's view unless `at` is given. */
export function shareChart(o: { built: BuiltChart; atlas: Atlas; lang: Lang; citation: string; notice: string | null; at?: ChartAt }): Promise<Blob> {
  const at = o.at ?? chartAtFromPage(o.atlas, o.built, o.lang, document, location.search);
  return shareChartPng({ doc: document, lang: o.lang, built: o.built, at, citation: o.citation, notice: o.notice, href: location.href });
}

/** The export menu's share item for the map. */
export function shareMap(o: { mapEl: HTMLElement; lang: Lang; citation: string; text(): Omit<MapImageText, 'citation'> }): Promise<Blob> {
  return shareMapPng({ mapEl: o.mapEl, text: { ...o.text(), citation: o.citation }, lang: o.lang, href: location.href });
}
