/**
 * One slide as DOM: headline, text, body (map, chart, both, or the sources list), source line and
 * slide number. Built in two steps: `slideFrame` makes the skeleton; once it is in the document and has
 * its size, `fillSlide` draws the charts at the width they get (and the map, unless the page supplies it).
 */
import { buildChart, type ChartId, type BuiltChart } from '../charts/registry.ts';
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

/**
 * Draws the slide's chart at the width its box has, `zoom` times larger than the site draws it (so
 * the chart's own type is large enough for a projector), and the map as a static SVG when `withMap`.
 */
export function fillSlide(pc: PresentContext, frame: SlideFrame, slide: ResolvedSlide, o: { zoom: number; withMap: boolean }): BuiltChart | null {
  const { lang } = pc;
  const fig = frame.el.querySelector<HTMLElement>('figure.slide-chart');
  let built: BuiltChart | null = null;
  if (fig) {
    const width = fig.clientWidth || 900;
    const build = (w: number) =>
      buildChart(slide.view.tab as ChartId, pc.atlas, slide.view, { width: Math.max(MIN_CHART_WIDTH, Math.round(w)), lang, doc: document, highlight: slide.view.cluster, idPrefix: fig.dataset['idPrefix'] ?? 'slide' });
    built = build(width / o.zoom);
    const box = h('div', { class: 'chart-box' });
    fig.replaceChildren(h('figcaption', { class: 'slide-chart-head' }, h('h2', { class: 'chart-title' }, built.meta.title), h('p', { class: 'chart-subtitle' }, built.meta.subtitle)), box);
    if (built.meta.notes.length) fig.append(h('ul', { class: 'chart-notes' }, ...built.meta.notes.map((n) => h('li', {}, n))));
    // A chart whose height does not follow its width (stacked panels) may fit its box better drawn
    // narrower: of a few widths, keep the one that comes out largest.
    const boxW = box.clientWidth, boxH = box.clientHeight;
    if (boxW > 0 && boxH > 0) {
      const scaleOf = (b: BuiltChart) => {
        const [, , w, hgt] = (b.svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
        return w && hgt ? Math.min(boxW / w, boxH / hgt) : 0;
      };
      let best = built;
      let bestScale = scaleOf(built);
      for (const k of [0.8, 0.64, 0.5]) {
        if ((width / o.zoom) * k < MIN_CHART_WIDTH) break;
        const c = build((width / o.zoom) * k);
        const sc = scaleOf(c);
        if (sc > bestScale * 1.02) [best, bestScale] = [c, sc];
      }
      built = best;
    }
    // Alone on its slide, the chart keeps to the left, next to its notes.
    if (!frame.mapSlot) built.svg.setAttribute('preserveAspectRatio', 'xMinYMid meet');
    box.append(built.svg);
    const sources = new Map<string, SourceRow>();
    for (const s of [...mapSources(pc, frame.marks), ...built.sources]) sources.set(s.id, s);
    setSource(frame.el, frame.mapSlot ? sourceLine([...sources.values()], lang) : built.meta.source);
  }
  if (o.withMap && frame.mapSlot) {
    const r = frame.mapSlot.getBoundingClientRect();
    frame.mapSlot.replaceChildren(
      svgSnapshot({ doc: document, geo: pc.geo, lang, ariaLabel: t(lang, 'map.label'), sectorColor: pc.sectorColor, marks: frame.marks, scale: pc.scale, view: slide.view, width: r.width || 900, height: r.height || 560, zoom: o.zoom }),
    );
  }
  return built;
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
