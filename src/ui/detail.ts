/** The cluster detail panel: every figure with its source, the sites, the sources, the notes, a permalink. */
import { labelOf } from '../data/names.ts';
import { h } from './dom.ts';
import { t, pick, type Lang } from '../i18n/index.ts';
import { formatFigureValue, stageYearLabel } from '../i18n/format.ts';
import type { AtlasContext } from './context.ts';
import { name } from './context.ts';
import type { FigureRow } from '../data/schema.ts';
import { STAGES } from '../data/constants.ts';
import { sourceHref, batchHref } from './sourceLink.ts';
import { seriesOf, seriesGrowth } from '../data/series.ts';
import { timelinePanel } from '../charts/shared/timeline.ts';
import { valueWithCoverage } from './figureText.ts';
import { maxOf } from '../data/extent.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface DetailOptions {
  ctx: AtlasContext;
  lang: Lang;
  clusterId: string;
  metric: string;
  permalink: string;
  /** Show figures from low-grade sources (the view's low=show); they are hidden otherwise, and counted. */
  low?: boolean;
  sectorColor: (id: string) => string;
  onClose(): void;
}

/** The list and batch, once: a batch whose name already says its programme (国家先进制造业集群（第三轮…）) stands alone. */
export function listLabel(programme: string | null, batch: string): string {
  return programme && !batch.toLowerCase().includes(programme.toLowerCase()) ? `${programme} · ${batch}` : batch;
}

function sourceCite(ctx: AtlasContext, lang: Lang, f: { source_id: string; section_zh: string; section_en: string }): string {
  const s = ctx.sources.get(f.source_id);
  const doc = s ? (s.doc_number ?? pick(s, 'title', lang)) : f.source_id;
  return `${doc} · ${pick(f, 'section', lang)}`;
}

/** A small chart of the cluster's money figures for one metric across stages: bars for points, open ticks for thresholds. */
function stageChart(doc: Document, figures: FigureRow[], lang: Lang, color: string, title: string): SVGSVGElement | null {
  const rows = STAGES.map((s) => figures.find((f) => f.stage === s)).filter((f): f is FigureRow => !!f);
  if (!rows.length) return null;
  const max = maxOf(rows.map((f) => f.value_max ?? f.value ?? 0), 1);
  const W = 320, rowH = 26, left = 78, H = rows.length * rowH + 6;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'stage-chart');
  svg.setAttribute('role', 'img');
  const tt = doc.createElementNS(SVG, 'title');
  tt.textContent = `${title}: ${rows.map((f) => `${t(lang, `stage.${f.stage}`)} ${formatFigureValue(f, lang)}`).join('; ')}`;
  svg.append(tt);
  rows.forEach((f, i) => {
    const y = 4 + i * rowH;
    const label = doc.createElementNS(SVG, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + 15));
    label.textContent = t(lang, `stage.${f.stage}`);
    svg.append(label);
    const w = f.value == null ? 0 : ((W - left - 120) * f.value) / max;
    const bar = doc.createElementNS(SVG, 'rect');
    bar.setAttribute('x', String(left));
    bar.setAttribute('y', String(y + 3));
    bar.setAttribute('height', '16');
    bar.setAttribute('width', String(Math.max(w, 0)));
    const threshold = f.comparator !== '=' && f.comparator !== '~';
    bar.setAttribute('fill', threshold || f.kind === 'target' ? 'none' : color);
    bar.setAttribute('stroke', color);
    bar.setAttribute('stroke-width', '2');
    if (f.kind === 'target') bar.setAttribute('stroke-dasharray', threshold ? '2 3' : '5 3');
    svg.append(bar);
    const val = doc.createElementNS(SVG, 'text');
    val.setAttribute('x', String(left + w + 4));
    val.setAttribute('y', String(y + 15));
    val.textContent = f.value == null ? '?' : formatFigureValue(f, lang);
    svg.append(val);
  });
  return svg;
}

/**
 * The cluster's money figures over the years: one small time plot per series (metric and coverage) that
 * has a dated figure, actuals filled, its own goals hollow, with the average yearly growth where two
 * exact actual values allow it.
 */
function seriesCharts(ctx: AtlasContext, figures: FigureRow[], lang: Lang, color: string): HTMLElement[] {
  const money = ctx.atlas.metrics.filter((m) => m.mappable);
  return seriesOf(figures, money)
    .filter((s) => s.actuals.length + s.targets.length > 0 && (s.actuals.length > 1 || s.targets.length > 0 || s.actuals.some((f) => f.stage === 'baseline' && f.year != null)))
    .map((s) => {
      const m = ctx.metrics.get(s.metric)!;
      const cov = s.coverage ? ` · ${t(lang, `figure.coverage.${s.coverage}`)}` : '';
      const g = seriesGrowth(s);
      const caption = `${name(m, lang)}${cov}${g ? ` · ${t(lang, 'detail.series.growth', { rate: (g.rate * 100).toFixed(1), from: g.from.year!, to: g.to.year! })}` : ''}`;
      const svg = document.createElementNS(SVG, 'svg');
      const W = 320, H = 130;
      svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
      svg.setAttribute('class', 'series-chart');
      svg.setAttribute('role', 'img');
      const tt = document.createElementNS(SVG, 'title');
      tt.textContent = `${caption}: ${[...s.actuals, ...s.targets].map((f) => `${f.year} ${formatFigureValue(f, lang)} (${t(lang, `kind.${f.kind}`)})`).join('; ')}`;
      svg.append(tt);
      timelinePanel(document, svg, s, { x: 0, y: 0, width: W, height: H, color }, lang);
      return h('figure', { class: 'detail-chart detail-series', 'data-metric': s.metric }, svg, h('figcaption', {}, caption));
    });
}

/** Every figure of the cluster: metric, value (and coverage), kind, stage and year, source and its grade. */
function figureTable(ctx: AtlasContext, lang: Lang, figures: readonly FigureRow[]): HTMLElement {
  return figures.length
    ? h(
        'table',
        { class: 'figures' },
        h('thead', {}, h('tr', {}, ...(['metric', 'value', 'kind', 'stage', 'source', 'grade'] as const).map((k) => h('th', { scope: 'col' }, t(lang, `detail.col.${k}`))))),
        h(
          'tbody',
          {},
          ...figures.map((f) => {
            const m = ctx.metrics.get(f.metric);
            const grade = ctx.sources.get(f.source_id)?.grade;
            return h(
              'tr',
              { 'data-figure': f.id, class: `stage-${f.stage}` },
              h('td', {}, m ? name(m, lang) : f.metric),
              h('td', { class: 'num' }, valueWithCoverage(f, lang)),
              h('td', {}, t(lang, `kind.${f.kind}`)),
              h('td', {}, stageYearLabel(f, lang, ctx.sources)),
              h('td', {}, h('a', { href: sourceHref(f.source_id, lang) }, sourceCite(ctx, lang, f))),
              h('td', {}, grade ? h('span', { class: `grade grade-${grade}` }, t(lang, `grade.${grade}`)) : ''),
            );
          }),
        ),
      )
    : h('p', {}, t(lang, 'detail.nofigures'));
}

export function renderDetail(o: DetailOptions): HTMLElement {
  const { ctx, lang } = o;
  const c = ctx.clusters.get(o.clusterId)!;
  const stageOrder = (f: FigureRow) => STAGES.indexOf(f.stage);
  const isLow = (f: FigureRow) => ctx.sources.get(f.source_id)?.grade === 'low';
  const all = (ctx.figuresOf.get(c.id) ?? []).slice().sort((a, b) => a.metric.localeCompare(b.metric) || stageOrder(a) - stageOrder(b) || (a.year ?? 0) - (b.year ?? 0));
  const figures = o.low ? all : all.filter((f) => !isLow(f));
  const hiddenLow = all.length - figures.length;
  const batch = ctx.atlas.batches.find((b) => b.id === c.batch);
  const programme = batch ? ctx.atlas.programmes.find((p) => p.id === batch.programme) : undefined;
  const sector = ctx.sectors.get(c.sector);
  const province = ctx.provinces.get(c.province_adcode);
  const parent = c.parent_id ? ctx.clusters.get(c.parent_id) : undefined;
  const sites = ctx.sitesOf.get(c.id) ?? [];
  const sourceIds = [...new Set([c.source_id, ...figures.map((f) => f.source_id), ...figures.map((f) => f.year_source_id).filter((x): x is string => !!x)])];
  const metric = ctx.metrics.get(o.metric);
  const chartFigures = figures.filter((f) => f.metric === o.metric);
  const chart = metric ? stageChart(document, chartFigures, lang, o.sectorColor(c.sector), t(lang, 'detail.chart', { metric: name(metric, lang) })) : null;
  const series = seriesCharts(ctx, figures, lang, o.sectorColor(c.sector));
  const notes = [pick(c, 'notes', lang), ...figures.map((f) => pick(f, 'note', lang))].filter((n) => n);

  const dl = h('dl', { class: 'facts' });
  const fact = (k: string, v: string | null | undefined) => v && dl.append(h('dt', {}, k), h('dd', {}, v));
  if (batch) {
    dl.append(
      h('dt', {}, t(lang, 'detail.list')),
      h('dd', {}, h('a', { href: batchHref(batch.id, lang), class: 'batch-link' }, listLabel(programme ? name(programme, lang) : null, name(batch, lang)))),
    );
  }
  fact(t(lang, 'detail.sector'), sector ? name(sector, lang) : c.sector);
  fact(t(lang, 'detail.industry'), pick(c, 'industry', lang));
  fact(t(lang, 'detail.province'), province ? `${name(province, lang)} · ${province.region === 'none' ? t(lang, 'region.none') : t(lang, `region.${province.region}`)}` : c.province_adcode);
  fact(t(lang, 'detail.parent'), parent ? name(parent, lang) : null);

  const table = figureTable(ctx, lang, figures);

  const panel = h(
    'section',
    { class: 'detail', role: 'dialog', 'aria-labelledby': 'detail-title', tabindex: '-1' },
    h('button', { type: 'button', class: 'detail-close', 'aria-label': t(lang, 'detail.close'), onclick: o.onClose }, '×'),
    h('h2', { id: 'detail-title' }, labelOf(ctx.atlas, c, lang)),
    dl,
    h('h3', {}, t(lang, 'detail.figures')),
    ...series,
    chart && !series.length ? h('figure', { class: 'detail-chart' }, chart) : null,
    table,
    hiddenLow ? h('p', { class: 'hint low-hidden' }, t(lang, 'detail.lowHidden', { n: hiddenLow })) : null,
    h('h3', {}, t(lang, 'detail.sites')),
    h('ul', { class: 'sites' }, ...sites.map((s) => h('li', {}, `${pick(s, 'place', lang)} — ${t(lang, `precision.${s.precision}`)}`))),
    h('h3', {}, t(lang, 'detail.sources')),
    h(
      'ul',
      { class: 'sources' },
      ...sourceIds.map((id) => {
        const s = ctx.sources.get(id);
        if (!s) return h('li', {}, id);
        const bits = [pick(s, 'issuer', lang), t(lang, 'cite.title', { title: pick(s, 'title', lang) }), s.doc_number ?? '', s.date ?? ''].filter(Boolean);
        const readAt = s.read_at ? t(lang, 'detail.readAt', { where: pick(s, 'read_at_name', lang) || s.read_at }) : null;
        return h('li', { 'data-source': id }, h('a', { href: sourceHref(id, lang) }, bits.join(' · ')), ' ', h('span', { class: `grade grade-${s.grade}` }, t(lang, `grade.${s.grade}`)), readAt ? ` · ${readAt}` : '');
      }),
    ),
    notes.length ? h('h3', {}, t(lang, 'detail.notes')) : null,
    notes.length ? h('ul', { class: 'notes' }, ...[...new Set(notes)].map((n) => h('li', {}, n))) : null,
    h('p', {}, h('a', { class: 'permalink', href: o.permalink }, t(lang, 'detail.permalink'))),
  );
  return panel;
}
