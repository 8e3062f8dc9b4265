/** One chart with everything that travels with it: title, subtitle, the SVG or its table, source line, notes. */
import { sourceHref } from './sourceLink.ts';
import { h } from './dom.ts';
import { t, pick, type Lang } from '../i18n/index.ts';
import type { BuiltChart } from '../charts/registry.ts';

export function chartTable(built: BuiltChart): HTMLTableElement {
  return h(
    'table',
    { class: 'chart-table' },
    h('caption', {}, built.meta.title),
    h('thead', {}, h('tr', {}, ...built.table.columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...built.table.rows.map((row) => h('tr', {}, ...row.map((v, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { class: typeof v === 'number' ? 'num' : '' }, String(v)))))),
  );
}

export function chartFigure(built: BuiltChart, lang: Lang, showTable: boolean, onToggle: (table: boolean) => void, menu: HTMLElement | null = null): HTMLElement {
  const toggle = h('button', { type: 'button', class: 'chart-toggle', 'aria-pressed': String(showTable) }, t(lang, showTable ? 'chart.chartview' : 'chart.tableview'));
  toggle.addEventListener('click', () => onToggle(!showTable));
  return h(
    'figure',
    { class: 'chart', 'data-chart': built.id },
    h('div', { class: 'chart-head' }, h('div', {}, h('h3', { class: 'chart-title' }, built.meta.title), h('p', { class: 'chart-subtitle' }, built.meta.subtitle)), toggle),
    showTable ? h('div', { class: 'chart-table-wrap' }, chartTable(built)) : built.svg,
    h(
      'figcaption',
      { class: 'chart-foot' },
      h('p', { class: 'chart-source' }, built.meta.source),
      // Each document behind the chart links to its entry on the sources page.
      built.sources.length
        ? h('p', { class: 'chart-source-links' }, t(lang, 'sources.entries'), ...built.sources.flatMap((s, i) => [i ? t(lang, 'chart.list.sep') : ' ', h('a', { href: sourceHref(s.id, lang), 'data-source': s.id }, s.doc_number ?? pick(s, 'issuer', lang))]))
        : null,
      built.meta.notes.length ? h('ul', { class: 'chart-notes' }, ...built.meta.notes.map((n) => h('li', {}, n))) : null,
      menu,
    ),
  );
}
