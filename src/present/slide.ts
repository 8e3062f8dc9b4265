/**
 * One slide as DOM: headline, text, body (map, chart, both, or the sources list), source line and
 * slide number. Built in two steps: `slideFrame` makes the skeleton; once it is in the document and has
 * its size, `fillSlide` draws the chart for the box it gets, with type large enough for the room (and the
 * map, unless the page supplies it).
 */
import { buildChart, type ChartId, type BuiltChart } from '../charts/registry.ts';
import { BODY_FONT } from '../charts/shared/options.ts';
import { sourceLine } from '../charts/shared/format.ts';
import type { SourceRow } from '../data/schema.ts';
import type { ClusterMark } from '../data/marks.ts';
import { markLegend } from '../ui/markLegend.ts';
import { legendModel } from '../map/legend.ts';
import { h } from '../ui/dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { ps } from './strings.ts';
import { marksFor, mapSources, type PresentContext } from './context.ts';
import { svgSnapshot } from './svgSnapshot.ts';
import type { ResolvedSlide } from './deck.ts';

export interface SlideFrame {
  el: HTMLElement;
  /** Where the map goes (map and split slides), else null. */
  mapSlot: HTMLElement | null;
  marks: ClusterMark[];
}

let legendSeq = 0;
const MIN_CHART_WIDTH = 360;

export function slideFrame(pc: PresentContext, slide: ResolvedSlide, index: number, total: number, idPrefix: string): SlideFrame {
  const { lang } = pc;
  const showMap = slide.kind === 'view' && slide.layout !== 'chart';
  const showChart = slide.kind === 'view' && slide.layout !== 'map' && slide.view.tab !== 'list';
  const marks = showMap ? marksFor(pc, slide.view) : [];
  const mapSlot = showMap ? h('div', { class: 'map-slot' }) : null;
  const body = h('div', { class: 'slide-body' });
  if (slide.kind === 'sources') body.append(sourcesList(pc, lang));
  if (mapSlot) body.append(h('div', { class: 'slide-map' }, mapSlot, mapLegend(pc, slide, marks)));
  if (showChart) body.append(h('figure', { class: 'slide-chart', 'data-chart': slide.view.tab, 'data-id-prefix': `${idPrefix}-${index}` }));
  const layoutClass = slide.kind === 'sources' ? 'sources' : showMap && showChart ? 'split' : showMap ? 'map' : 'chart';
  const label = ps(lang, 'present.slideOf', { n: index + 1, total });
  const el = h(
    'section',
    { class: `slide slide--${layoutClass}`, 'data-slide': index + 1, 'aria-roledescription': ps(lang, 'present.slide'), 'aria-label': `${label}: ${slide.headline}` },
    h('header', { class: 'slide-head' }, h('h1', { class: 'slide-headline' }, slide.headline), slide.text ? h('p', { class: 'slide-text' }, slide.text) : null),
    body,
    h('footer', { class: 'slide-foot' }, h('p', { class: 'slide-source' }), h('p', { class: 'slide-num' }, label)),
  );
  if (slide.kind === 'sources') setSource(el, t(lang, 'footer.geo'));
  else if (!showChart) setSource(el, sourceLine(mapSources(pc, marks), lang));
  return { el, mapSlot, marks };
}

function setSource(el: HTMLElement, text: string): void {
  el.querySelector('.slide-source')!.textContent = text;
}

/** How a slide is filled: `text` is the chart's smallest type in CSS px, `zoom` the map's (see svgSnapshot). */
export interface FillOptions {
  zoom: number;
  withMap: boolean;
  text: number;
}

/** A screen's chart type: 2.5% of its height (18 px on a 720-line projector, 27 px at 1080), never under 14 px. */
export const roomText = (screenHeight: number) => Math.max(14, screenHeight * 0.025);

/** Draws the slide's chart into its box with type of `o.text` px or more, and the map as a static SVG when `withMap`. */
export function fillSlide(pc: PresentContext, frame: SlideFrame, slide: ResolvedSlide, o: FillOptions): BuiltChart | null {
  const { lang } = pc;
  const fig = frame.el.querySelector<HTMLElement>('figure.slide-chart');
  const built = fig ? fillChart(pc, frame, slide, fig, o.text) : null;
  if (o.withMap && frame.mapSlot) {
    const r = frame.mapSlot.getBoundingClientRect();
    frame.mapSlot.replaceChildren(
      svgSnapshot({ doc: document, geo: pc.geo, lang, ariaLabel: t(lang, 'map.label'), sectorColor: pc.sectorColor, marks: frame.marks, scale: pc.scale, view: slide.view, width: r.width || 900, height: r.height || 560, zoom: o.zoom }),
    );
  }
  return built;
}

/** The chart drawn `k` times its own px into the box: laid out for the box's shape, type at least BODY_FONT. */
type ChartAt = (k: number) => BuiltChart;

function fillChart(pc: PresentContext, frame: SlideFrame, slide: ResolvedSlide, fig: HTMLElement, textPx: number): BuiltChart {
  const { lang } = pc;
  const box = h('div', { class: 'chart-box' });
  const common = { lang, doc: document, highlight: slide.view.cluster, idPrefix: fig.dataset['idPrefix'] ?? 'slide', fill: true, minFont: BODY_FONT };
  const build = (w: number, room: number | null) => buildChart(slide.view.tab as ChartId, pc.atlas, slide.view, { ...common, width: Math.max(MIN_CHART_WIDTH, Math.floor(w)), room });
  // The title, subtitle and notes (with what the chart leaves out of its drawing for the room) do not
  // depend on the size: placed first, they leave the box its size.
  const first = build(fig.clientWidth || 900, null);
  const notes = [...(first.aside ?? []), ...first.meta.notes];
  fig.replaceChildren(h('figcaption', { class: 'slide-chart-head' }, h('h2', { class: 'chart-title' }, first.meta.title), h('p', { class: 'chart-subtitle' }, first.meta.subtitle)), box);
  if (notes.length) fig.append(h('ul', { class: 'chart-notes' }, ...notes.map((n) => h('li', {}, n))));
  // The source line too: it may take more than one line, which the box gives up.
  const sources = new Map<string, SourceRow>();
  for (const s of [...mapSources(pc, frame.marks), ...first.sources]) sources.set(s.id, s);
  setSource(frame.el, frame.mapSlot ? sourceLine([...sources.values()], lang) : first.meta.source);
  const w = box.clientWidth || fig.clientWidth || 900;
  const hgt = box.clientHeight || 500;
  const { built, k } = pickScale((kk) => build(w / kk + 2 * TRIM, Math.floor(hgt / kk) + 2 * TRIM), textPx / BODY_FONT, w, hgt);
  // The drawing's own px map onto the box k to one, from its top left: the box is the chart's.
  built.svg.setAttribute('viewBox', `${TRIM} ${TRIM} ${w / k} ${hgt / k}`);
  built.svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  box.append(built.svg);
  return built;
}

/** Of the 12 px margin every chart keeps round its drawing, what the slide leaves out: its box has its own. */
const TRIM = 8;
/** At most this much larger than asked, where a chart is short enough to take larger type (the chart's title stays larger). */
const MAX_GROW = 1.25;
/** A chart this share of its box's height or more fills it. */
const FILLED = 0.97;

/**
 * The scale to draw at: the type asked for (k0), or larger where the chart, laid out for the box, does
 * not fill it at k0 and still draws all it drew (charts that grow their rows or plots to the box fill
 * it: the room goes to them).
 * When even k0 does not fit, the chart is drawn at k0 and shrunk to the box (its type then under the
 * size asked, which the slide tests catch).
 */
function pickScale(at: ChartAt, k0: number, w: number, hgt: number): { built: BuiltChart; k: number } {
  const heightOf = (b: BuiltChart) => Number(b.svg.getAttribute('height')) - 2 * TRIM;
  const widthOf = (b: BuiltChart) => Number(b.svg.getAttribute('width')) - 2 * TRIM;
  const fits = (b: BuiltChart, k: number) => heightOf(b) * k <= hgt + 0.5 && widthOf(b) * k <= w + 0.5;
  const base = at(k0);
  if (!fits(base, k0)) return { built: base, k: Math.min(hgt / heightOf(base), w / widthOf(base)) };
  if (heightOf(base) * k0 >= hgt * FILLED) return { built: base, k: k0 };
  for (const grow of [MAX_GROW, (1 + MAX_GROW) / 2]) {
    const k = k0 * grow;
    if (w / k + 2 * TRIM < MIN_CHART_WIDTH) continue;
    const b = at(k);
    // Larger type only where the chart still draws every entry it drew at k0.
    if (fits(b, k) && (b.omitted ?? 0) <= (base.omitted ?? 0)) return { built: b, k };
  }
  return { built: base, k: k0 };
}

function mapLegend(pc: PresentContext, slide: ResolvedSlide, marks: ClusterMark[]): HTMLElement {
  const { lang } = pc;
  const metric = pc.atlas.metrics.find((m) => m.id === slide.view.metric);
  const legend = markLegend({ lang, marks, scale: pc.scale, unit: metric?.unit ?? '', metricName: metric ? (lang === 'zh' ? metric.name_zh : metric.name_en) : slide.view.metric, stageName: t(lang, `stage.${slide.view.stage}`), latest: slide.view.stage === 'latest' });
  // markLegend names its heading with a fixed id; a deck has many legends.
  const id = `slide-legend-${++legendSeq}`;
  legend.querySelector('#mark-legend-title')?.setAttribute('id', id);
  legend.setAttribute('aria-labelledby', id);
  // The rest of the map's key from the one model the embed and the exports use: sectors as drawn, regions.
  const key = legendModel({ lang, sectors: pc.atlas.sectors, sectorColor: pc.sectorColor, marks, scale: pc.scale, unit: metric?.unit ?? '', metricName: '', stageName: '' });
  const swatches = (cls: string, label: string, items: { label: string; color: string }[], shape: 'dot' | 'swatch') =>
    h(
      'ul',
      { class: `legend-sectors ${cls}`, 'aria-label': label },
      ...items.map((s) => {
        const dot = h('span', { class: shape, 'aria-hidden': 'true' });
        dot.style.background = s.color;
        return h('li', {}, dot, s.label);
      }),
    );
  if (key.sectors.length) legend.append(swatches('legend-sector-list', t(lang, 'legend.sectors'), key.sectors, 'dot'));
  legend.append(swatches('legend-region-list', t(lang, 'legend.regions'), key.regions, 'swatch'));
  return h('div', { class: 'slide-legend' }, legend);
}

/**
 * The sources slide: one short line per numbered document (issuer, number, date, grade); releases, press
 * items and datasets are counted by grade, low-grade ones left out as on the map; every entry is on the sources page, named at the end.
 */
function sourcesList(pc: PresentContext, lang: Lang): HTMLElement {
  // Numbered documents are listed one by one; everything else (press, releases, datasets) is counted.
  const isDocument = (s: SourceRow) => s.level !== 'press' && s.level !== 'dataset' && s.doc_number != null;
  const shown = pc.atlas.sources.filter((s) => s.grade !== 'low' && isDocument(s));
  const press = pc.atlas.sources.filter((s) => s.grade !== 'low' && !isDocument(s));
  const hidden = pc.atlas.sources.filter((s) => s.grade === 'low').length;
  return h(
    'div',
    { class: 'sources-block' },
    h(
      'ol',
      { class: 'sources-list' },
      ...shown.map((s) => {
        const issuer = lang === 'zh' ? s.issuer_zh : s.issuer_en;
        const title = lang === 'zh' ? s.title_zh : s.title_en;
        const num = s.doc_number ? (s.doc_number_status === 'illegible' ? ps(lang, 'present.sources.docIllegible', { number: s.doc_number }) : s.doc_number) : null;
        const date = s.date ?? ps(lang, s.date_status === 'illegible' ? 'present.sources.dateIllegible' : 'present.sources.undated');
        return h('li', { 'data-source': s.id, 'data-grade': s.grade }, h('span', { class: 'src-issuer' }, issuer), ' ', num ? h('span', { class: 'src-num' }, num) : h('cite', { class: 'src-title' }, title), h('span', { class: 'src-meta' }, ` · ${date} · ${t(lang, `grade.${s.grade}`)}`));
      }),
    ),
    h('p', { class: 'sources-more' }, ps(lang, 'present.sources.press', { n: press.length, official: press.filter((s) => s.grade === 'official').length, press: press.filter((s) => s.grade === 'press').length, reprint: press.filter((s) => s.grade === 'reprint').length }), ' ', ps(lang, 'present.sources.more', { n: hidden })),
  );
}
