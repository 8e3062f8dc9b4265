/**
 * Planned vs reached: one block per pair. Comparable pairs get two bars on one zero-based scale (the
 * target outlined, the outcome filled); the others print both figures and why they are not compared.
 * Then the outcomes without a target, by subject and year. Nothing is summed.
 */
import { resolveBase, type BaseOptions } from '../shared/options.ts';
import { el, text, frame, setHeight, hint, INK, MUTED } from '../shared/svg.ts';
import { wrap } from '../shared/layout.ts';
import { zeroScale } from '../shared/axis.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, subjectLabel, figureLabel as label, reasonsLine, ratioLine, sourceMap } from './meta.ts';
import type { OutcomesSeries } from './derive.ts';

const BAR = '#4477AA';
const LOW = '#B71C1C';

export function render(series: OutcomesSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('outcomes', options);
  const { width, lang } = o;
  const pad = 12;
  const inner = width - 2 * pad;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'outcomes' });
  let y = pad;
  const years = sourceMap(series);
  const figureLabel = (f: Parameters<typeof label>[0], l: typeof lang) => label(f, l, years);
  const para = (s: string, attrs: Record<string, string | number>, size = 12, maxLines = 4, parent: Element = svg) => {
    for (const l of wrap(s, inner - 8, size, maxLines)) {
      text(doc, l, { x: pad + 8, y: y + size, 'font-size': size, ...attrs }, parent);
      y += size + 4;
    }
  };
  if (!series.pairs.length && !series.others.length) {
    para(tx(lang, 'chart.outcomes.empty'), { fill: MUTED, 'font-style': 'italic' });
    setHeight(svg, width, o.height ?? y + pad);
    return svg;
  }
  const heading = (s: string) => {
    for (const l of wrap(s, inner, 13, 2)) {
      text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, svg);
      y += 18;
    }
    y += 4;
  };
  if (series.pairs.length) heading(tx(lang, 'chart.outcomes.pairsHeading'));
  for (const p of series.pairs) {
    const g = el(doc, 'g', { class: p.comparable ? 'pair is-comparable' : 'pair not-comparable', 'data-pair': p.id, ...(p.subject.type === 'cluster' ? { 'data-cluster': p.subject.id } : {}) }, svg);
    for (const l of wrap(subjectLabel(p.subject, lang), inner, 12, 2)) {
      text(doc, l, { x: pad, y: y + 12, 'font-weight': 600, 'font-size': 12 }, g);
      y += 16;
    }
    const line = (label: string, f: Parameters<typeof figureLabel>[0]) => {
      const low = f.grade === 'low';
      para(`${label}${tx(lang, 'chart.colon')}${figureLabel(f, lang)}`, { fill: low ? LOW : INK, class: low ? 'figure-low' : 'figure' }, 11, 3, g);
    };
    if (p.comparable) {
      const max = Math.max(p.target.figure.value!, p.outcome.figure.value!);
      const x0 = pad + 8;
      const xs = zeroScale(max, [x0, width - pad - 8], width - 2 * pad);
      const tBar = el(doc, 'rect', { class: 'bar bar-target', x: x0, y: y + 2, width: Math.max(1, xs(p.target.figure.value!) - x0), height: 14, fill: 'none', stroke: BAR, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }, g);
      hint(doc, tBar, figureLabel(p.target, lang));
      y += 18;
      line(tx(lang, 'chart.outcomes.target'), p.target);
      const oBar = el(doc, 'rect', { class: 'bar bar-outcome', x: x0, y: y + 2, width: Math.max(1, xs(p.outcome.figure.value!) - x0), height: 14, fill: BAR }, g);
      hint(doc, oBar, figureLabel(p.outcome, lang));
      y += 18;
      line(tx(lang, 'chart.outcomes.reached'), p.outcome);
      para(ratioLine(p, lang), { 'font-weight': 600 }, 12, 2, g);
    } else {
      line(tx(lang, 'chart.outcomes.target'), p.target);
      line(tx(lang, 'chart.outcomes.reached'), p.outcome);
      para(reasonsLine(p, lang), { fill: MUTED, 'font-style': 'italic', class: 'reasons' }, 11, 3, g);
    }
    const note = lang === 'zh' ? p.note_zh : p.note_en;
    if (note) para(note, { fill: MUTED }, 11, 4, g);
    y += 12;
  }
  if (series.others.length) heading(tx(lang, 'chart.outcomes.othersHeading'));
  for (const grp of series.others) {
    const g = el(doc, 'g', { class: 'outcome-group', ...(grp.subject.type === 'cluster' ? { 'data-cluster': grp.subject.id } : {}) }, svg);
    for (const l of wrap(subjectLabel(grp.subject, lang), inner, 12, 2)) {
      text(doc, l, { x: pad, y: y + 12, 'font-weight': 600, 'font-size': 12 }, g);
      y += 16;
    }
    for (const f of grp.outcomes) para(`• ${figureLabel(f, lang)}`, { fill: f.grade === 'low' ? LOW : INK, class: f.grade === 'low' ? 'figure-low' : 'figure' }, 11, 3, g);
    if (grp.mixed) para(tx(lang, 'chart.outcomes.mixed'), { fill: MUTED, 'font-style': 'italic' }, 11, 2, g);
    y += 10;
  }
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}
