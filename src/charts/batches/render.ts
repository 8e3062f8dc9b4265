/** Batches: per list, one row per batch — rows found stacked by region, the official total as an outline. */
import type { Lang } from '../../i18n/index.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { REGION_COLORS } from '../../theme/palette.ts';
import { resolveBase, type BaseOptions } from '../shared/options.ts';
import { el, text, frame, setHeight, hint, INK, MUTED } from '../shared/svg.ts';
import { wrap, measure, fit } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { plainNumber } from '../shared/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, stepText } from './meta.ts';
import type { BatchesSeries } from './derive.ts';

const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');

export interface BatchesOptions extends BaseOptions {
  /** Rows of one line each (the step's counts beside the date, smaller), to fit a short panel. */
  compact?: boolean;
}

export function render(series: BatchesSeries, options: BatchesOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('batches', options);
  const compact = options.compact ?? false;
  const { width, lang } = o;
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'batches' });
  let y = pad;
  // Region key.
  let kx = pad;
  for (const r of REGION_IDS) {
    el(doc, 'rect', { x: kx, y: y + 2, width: 12, height: 10, fill: REGION_COLORS[r] }, svg);
    text(doc, rname(r, lang), { x: kx + 16, y: y + 11, 'font-size': 11 }, svg);
    kx += 16 + measure(rname(r, lang), 11) + 14;
  }
  el(doc, 'rect', { x: kx, y: y + 2, width: 12, height: 10, fill: 'none', stroke: INK, 'stroke-width': 1.2 }, svg);
  text(doc, tx(lang, 'chart.batches.key.official'), { x: kx + 16, y: y + 11, 'font-size': 11 }, svg);
  y += 28;
  if (!series.programmes.length) {
    text(doc, tx(lang, 'chart.batches.empty'), { x: pad, y: y + 14, fill: MUTED, 'font-style': 'italic' }, svg);
    setHeight(svg, width, o.height ?? y + 30);
    return svg;
  }
  const labelW = Math.min(150, Math.max(70, width * 0.22));
  const x0 = pad + labelW;
  const x1 = width - pad - 8;
  for (const p of series.programmes) {
    const g = el(doc, 'g', { class: 'panel panel-programme', 'data-programme': p.programme.id }, svg);
    for (const l of wrap(lang === 'zh' ? p.programme.name_zh : p.programme.name_en, width - 2 * pad, 13, 2)) {
      text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g);
      y += 18;
    }
    y += 14;
    const max = Math.max(1, ...p.steps.map((s) => Math.max(s.officialTotal ?? 0, s.found)));
    const xs = zeroScale(max, [x0, x1], x1 - x0);
    const rowH = compact ? 19 : 46;
    xAxis(doc, g, xs, { top: y, bottom: y + rowH * p.steps.length - 14, labelY: y - 4, length: x1 - x0, format: (v) => plainNumber(v, lang, 0), integer: true });
    for (const st of p.steps) {
      const row = el(doc, 'g', { class: st.inView ? 'step' : 'step is-out', 'data-batch': st.batch.id, opacity: st.inView ? null : 0.4 }, g);
      const label = wrap(`${st.batch.date ?? st.batch.year}`, labelW - 8, 11, 1)[0]!;
      text(doc, label, { x: x0 - 8, y: y + 15, 'text-anchor': 'end', 'font-size': 11 }, row);
      let x = x0;
      for (const r of REGION_IDS) {
        const n = st.foundByRegion[r];
        if (!n) continue;
        const w = xs(n) - xs(0);
        const seg = el(doc, 'rect', { class: 'bar bar-found', 'data-region': r, x, y: y + 6, width: w, height: 14, fill: REGION_COLORS[r] }, row);
        hint(doc, seg, `${rname(r, lang)}: ${tx(lang, 'chart.batches.found', { n })}`);
        x += w;
      }
      if (st.officialTotal != null) el(doc, 'rect', { class: 'bar bar-official', x: x0, y: y + 2, width: Math.max(0, xs(st.officialTotal) - x0), height: 22, fill: 'none', stroke: INK, 'stroke-width': 1.2 }, row);
      if (compact) {
        // The counts in one line right of the bar (or its outline), shortened to the room left.
        const end = Math.max(x, st.officialTotal != null ? xs(st.officialTotal) : x0) + 6;
        text(doc, fit(stepText(st, lang), width - pad - end, 10), { x: end, y: y + 14, 'font-size': 10, fill: MUTED }, row);
        y += rowH;
        continue;
      }
      const lines = wrap(stepText(st, lang), width - x0 - pad, 11, 2);
      lines.forEach((l, i) => text(doc, l, { x: x0, y: y + 36 + i * 13, 'font-size': 11, fill: MUTED }, row));
      y += rowH + (lines.length - 1) * 13;
    }
    y += 12;
  }
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}
