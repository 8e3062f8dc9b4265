/** Legend for the cluster marks: size circles at real values, counts with and without a figure, what hollow means. */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { formatAmount } from '../i18n/format.ts';
import type { SizeScale } from '../map/layout.ts';
import type { ClusterMark } from '../data/marks.ts';
import { NEUTRAL_MARK, MARK_STROKE } from '../theme/palette.ts';
import { maxOf } from '../data/extent.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Circles at real values side by side, each labelled below: no label can overlap another. */
function sizeKey(scale: SizeScale, unit: string, lang: Lang): SVGSVGElement {
  const vals = [...scale.legend].sort((a, b) => a - b);
  const radii = vals.map((v) => scale.radius(v));
  const rMax = maxOf(radii, 6);
  const labels = vals.map((v) => formatAmount(v, unit, lang));
  // Room for the longest label (about 0.62 em per Latin character, 1 em per CJK character at 11 px).
  const textWidth = maxOf(labels.map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.8), 0)));
  const cell = Math.max(2 * rMax + 8, textWidth + 10);
  const W = cell * vals.length, H = 2 * rMax + 22;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', String(W));
  svg.setAttribute('class', 'size-key');
  svg.setAttribute('aria-hidden', 'true');
  vals.forEach((v, i) => {
    const cx = cell * i + cell / 2;
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', String(cx));
    c.setAttribute('cy', String(2 + 2 * rMax - radii[i]!));
    c.setAttribute('r', String(radii[i]));
    c.setAttribute('fill', 'none');
    c.setAttribute('stroke', MARK_STROKE);
    svg.append(c);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(cx));
    label.setAttribute('y', String(H - 4));
    label.setAttribute('text-anchor', 'middle');
    label.textContent = labels[i]!;
    svg.append(label);
  });
  return svg;
}

export function markLegend(o: { lang: Lang; marks: readonly ClusterMark[]; scale: SizeScale; unit: string; metricName: string; stageName: string; latest?: boolean }): HTMLElement {
  const { lang } = o;
  const withFigure = o.marks.filter((m) => m.value != null).length;
  const without = o.marks.length - withFigure;
  const other = o.marks.filter((m) => m.other).length;
  const neutral = h('span', { class: 'dot', 'aria-hidden': 'true' });
  neutral.style.background = NEUTRAL_MARK;
  return h(
    'section',
    { class: 'mark-legend', 'aria-labelledby': 'mark-legend-title' },
    h('h2', { id: 'mark-legend-title' }, t(lang, 'legend.marks')),
    h('p', { class: 'legend-size-title' }, o.latest ? t(lang, 'legend.size.latest', { metric: o.metricName }) : t(lang, 'legend.size', { metric: o.metricName, stage: o.stageName })),
    o.scale.legend.length ? sizeKey(o.scale, o.unit, lang) : null,
    h('p', { class: 'legend-count', 'data-with': String(withFigure), 'data-without': String(without), 'data-other': String(other) }, t(lang, 'legend.coverage', { metric: o.metricName, n: withFigure, total: o.marks.length }), ' · ', neutral, t(lang, 'legend.nofigure', { n: without })),
    other ? h('p', { class: 'legend-note legend-other' }, t(lang, 'legend.other', { n: other })) : null,
    h('p', { class: 'legend-note' }, h('span', { class: 'ring', 'aria-hidden': 'true' }), t(lang, 'legend.hollow')),
    h('p', { class: 'legend-note' }, t(lang, 'legend.anchor')),
  );
}
