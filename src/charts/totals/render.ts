/** National totals: one small time plot per series, in rows that fill the width, on a shared span of years. */
import type { Atlas } from '../../data/schema.ts';
import { resolveBase, type BaseOptions } from '../shared/options.ts';
import { el, text, frame, setHeight, MUTED } from '../shared/svg.ts';
import { wrap } from '../shared/layout.ts';
import { timelinePanel } from '../shared/timeline.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, panelTitle } from './meta.ts';
import type { TotalsSeries } from './derive.ts';
import { maxOf } from '../../data/extent.ts';

const PROGRAMME_COLORS: Record<string, string> = { amc: '#0072B2', sme: '#D55E00', innov: '#009E73' };

export function render(series: TotalsSeries, options: BaseOptions, doc: Document, atlas: Pick<Atlas, 'programmes'>): SVGSVGElement {
  const o = resolveBase('totals', options);
  const { width, lang, idPrefix } = o;
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang, atlas), idPrefix, chart: 'totals' });
  let y = pad;
  if (!series.panels.length || !series.years) {
    text(doc, tx(lang, 'chart.totals.none'), { x: pad, y: y + 14, fill: MUTED }, svg);
    setHeight(svg, width, y + 28);
    return svg;
  }
  const cols = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  const cellW = (width - 2 * pad - (cols - 1) * 16) / cols;
  const plotH = 150;
  for (let i = 0; i < series.panels.length; i += cols) {
    const row = series.panels.slice(i, i + cols);
    const titles = row.map((p) => wrap(panelTitle(p, atlas, lang), cellW, 12, 3));
    const titleH = maxOf(titles.map((t) => t.length)) * 15;
    row.forEach((p, j) => {
      const x = pad + j * (cellW + 16);
      const g = el(doc, 'g', { class: 'panel', ...(p.series.subjectType === 'region' ? { 'data-region': p.series.subjectId } : {}) }, svg);
      titles[j]!.forEach((l, k) => text(doc, l, { x, y: y + 12 + k * 15, 'font-size': 12, 'font-weight': 600 }, g));
      timelinePanel(doc, g, p.series, { x, y: y + titleH, width: cellW, height: plotH, color: PROGRAMME_COLORS[p.programme] ?? '#52606D', years: series.years! }, lang);
      if (p.series.undated.length) text(doc, tx(lang, 'chart.totals.undated', { n: p.series.undated.length }), { x, y: y + titleH + plotH + 12, 'font-size': 10, fill: MUTED }, g);
    });
    y += titleH + plotH + 26;
  }
  setHeight(svg, width, y + pad);
  return svg;
}
