/** The keyboard-usable list alternative to the map: the filtered clusters as a sortable table. */
import { h } from './dom.ts';
import { t, tCount, type Lang } from '../i18n/index.ts';
import { markFigureText } from './figureText.ts';
import { formatNumber } from '../i18n/format.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { AtlasContext } from './context.ts';
import { name } from './context.ts';
import { orderRows, type RowOrder } from './listOrder.ts';

type SortKey = 'name' | 'region' | 'province' | 'sector' | 'figure';

/** Rows drawn at once: a page; the pager moves through the rest. */
export const PAGE = 200;

export interface ClusterList {
  el: HTMLElement;
  update(marks: readonly ClusterMark[], selectedId: string | null): void;
  highlight(id: string | null): void;
}

export function createList(o: { ctx: AtlasContext; lang: Lang; onSelect(id: string): void; onHover(id: string | null): void }): ClusterList {
  const { ctx, lang } = o;
  let sort: { key: SortKey; dir: 1 | -1 } = { key: 'figure', dir: -1 };
  let marks: readonly ClusterMark[] = [];
  let selected: string | null = null;
  const caption = h('caption', {});
  const tbody = h('tbody', {});
  const headers = (['name', 'region', 'province', 'sector', 'figure'] as const).map((key) => {
    const btn = h('button', { type: 'button', class: 'sort', title: t(lang, 'list.sort') }, t(lang, `list.${key}`));
    const th = h('th', { scope: 'col', 'data-key': key, class: `col-${key}` }, btn);
    btn.addEventListener('click', () => {
      sort = { key, dir: sort.key === key ? (-sort.dir as 1 | -1) : key === 'figure' ? -1 : 1 };
      render();
    });
    return th;
  });
  const table = h('table', { class: 'cluster-list' }, caption, h('thead', {}, h('tr', {}, ...headers)), tbody);
  const el = h('section', { class: 'list', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, t(lang, 'list.title')), h('div', { class: 'list-scroll' }, table));

  const text = (m: ClusterMark, key: SortKey): string => cellText(ctx, lang, m, key);
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');

  /** The rows in the current order; the table shows one page of them (PAGE rows), so its size stays bounded at any data size. */
  let rows: ClusterMark[] = [];
  let first = 0;
  const pager = h('div', { class: 'list-pager', hidden: true });
  const prev = h('button', { type: 'button', class: 'list-prev' });
  const next = h('button', { type: 'button', class: 'list-next' });
  const pageText = h('span', { class: 'list-page', 'aria-live': 'polite' });
  pager.append(prev, pageText, next);
  el.append(pager);
  prev.addEventListener('click', () => showPage(first - PAGE));
  next.addEventListener('click', () => showPage(first + PAGE));

  /** The last whole order made, filtered on the next filter (see listOrder.ts). */
  let kept: RowOrder<ClusterMark> | null = null;
  function sortRows() {
    ({ rows, kept } = orderRows(marks, `${sort.key} ${sort.dir}`, comparing(sort, collator, text), kept, (m) => m.seq));
    caption.textContent = tCount(lang, 'list.caption', rows.length, { n: formatNumber(rows.length, lang) });
    for (const th of headers) th.setAttribute('aria-sort', th.dataset['key'] === sort.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none');
  }

  function render() {
    sortRows();
    const at = selected ? rows.findIndex((m) => m.cluster.id === selected) : -1;
    showPage(at >= 0 ? at - (at % PAGE) : 0);
  }

  /** Shows the page of rows starting at `from` (clamped to the first row of the last page). */
  function showPage(from: number) {
    first = Math.max(0, Math.min(from, Math.floor(Math.max(rows.length - 1, 0) / PAGE) * PAGE));
    const page = rows.slice(first, first + PAGE);
    tbody.replaceChildren(...page.map((m) => listRow(m, m.cluster.id === selected, text)));
    pager.hidden = rows.length <= PAGE;
    if (!pager.hidden) {
      pageText.textContent = t(lang, 'list.page', { from: formatNumber(first + 1, lang), to: formatNumber(first + page.length, lang), n: formatNumber(rows.length, lang) });
      prev.textContent = t(lang, 'list.prev', { k: PAGE });
      // The rows the next page holds (the last one may be short); on the last page the button is disabled.
      const rest = rows.length - first - PAGE;
      next.textContent = t(lang, 'list.next', { k: rest > 0 ? Math.min(PAGE, rest) : PAGE });
      prev.disabled = first === 0;
      next.disabled = first + PAGE >= rows.length;
    }
    // One row is in the tab order (the selected one, else the first); arrows move within the list.
    const current = (selected && tbody.querySelector<HTMLElement>(`tr[data-cluster="${CSS.escape(selected)}"]`)) || (tbody.firstElementChild as HTMLElement | null);
    current?.setAttribute('tabindex', '0');
  }

  listenRows(tbody, o, { first: () => first, count: () => rows.length, showPage });

  return {
    el,
    update(m, sel) {
      marks = m;
      selected = sel;
      render();
      if (sel) tbody.querySelector<HTMLElement>(`tr[data-cluster="${CSS.escape(sel)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    highlight(id) {
      for (const tr of tbody.querySelectorAll<HTMLElement>('tr')) tr.classList.toggle('is-hot', tr.dataset['cluster'] === id);
    },
  };
}

/** What a row shows in one column (also what it is sorted by). */
function cellText(ctx: AtlasContext, lang: Lang, m: ClusterMark, key: SortKey): string {
  switch (key) {
    case 'name':
      return m.label[lang];
    case 'region':
      return t(lang, `region.${m.region}`);
    case 'province': {
      const p = ctx.provinces.get(m.cluster.province_adcode);
      return p ? name(p, lang) : '';
    }
    case 'sector': {
      const s = ctx.sectors.get(m.cluster.sector);
      return s ? name(s, lang) : m.cluster.sector;
    }
    case 'figure':
      return markFigureText(m, lang, ctx.metrics);
  }
}

/** Where the list is in its pages, for the row keys that move past a page's first or last row. */
interface Pages {
  first(): number;
  count(): number;
  showPage(from: number): void;
}

/**
 * One set of handlers for every row (rows are redrawn on each filter change and page): click and Enter
 * select, hover highlights, the arrows, Home and End move the one focusable row, across pages.
 */
function listenRows(tbody: HTMLElement, o: { onSelect(id: string): void; onHover(id: string | null): void }, pages: Pages): void {
  const rowOf = (e: Event) => ((e.target as Element).closest?.('tr[data-cluster]') as HTMLElement | null) ?? null;
  tbody.addEventListener('click', (e) => {
    const tr = rowOf(e);
    if (tr) o.onSelect(tr.dataset['cluster']!);
  });
  tbody.addEventListener('mouseover', (e) => {
    const tr = rowOf(e);
    if (tr && !tr.contains(e.relatedTarget as Node | null)) o.onHover(tr.dataset['cluster']!);
  });
  tbody.addEventListener('mouseout', (e) => {
    const tr = rowOf(e);
    if (tr && !tr.contains(e.relatedTarget as Node | null)) o.onHover(null);
  });
  tbody.addEventListener('focusin', (e) => {
    const tr = rowOf(e);
    if (tr) rove(tr, false);
  });
  tbody.addEventListener('keydown', (e) => {
    const tr = rowOf(e);
    if (!tr) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      o.onSelect(tr.dataset['cluster']!);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    let target = (e.key === 'ArrowDown' ? tr.nextElementSibling : e.key === 'ArrowUp' ? tr.previousElementSibling : e.key === 'Home' ? tbody.firstElementChild : tbody.lastElementChild) as HTMLElement | null;
    // Past the page's last row (or before its first), the arrows go on to the next (previous) page.
    if (!target && e.key === 'ArrowDown' && pages.first() + PAGE < pages.count()) {
      pages.showPage(pages.first() + PAGE);
      target = tbody.firstElementChild as HTMLElement | null;
    } else if (!target && e.key === 'ArrowUp' && pages.first() > 0) {
      pages.showPage(pages.first() - PAGE);
      target = tbody.lastElementChild as HTMLElement | null;
    }
    if (target) rove(target);
  });

  function rove(row: HTMLElement, focus = true) {
    for (const r of tbody.querySelectorAll<HTMLElement>('tr[tabindex="0"]')) if (r !== row) r.setAttribute('tabindex', '-1');
    row.setAttribute('tabindex', '0');
    if (focus) row.focus();
  }
}

/** The order of a sort: by figure (largest first by default; clusters without one always last, by name) or by a column's text. */
function comparing(sort: { key: SortKey; dir: 1 | -1 }, collator: Intl.Collator, text: (m: ClusterMark, key: SortKey) => string): (a: ClusterMark, b: ClusterMark) => number {
  return (a, b) => {
    if (sort.key === 'figure') {
      if (a.value == null || b.value == null) return Number(a.value == null) - Number(b.value == null) || collator.compare(text(a, 'name'), text(b, 'name'));
      return sort.dir * (a.value - b.value);
    }
    return sort.dir * collator.compare(text(a, sort.key), text(b, sort.key));
  };
}

/** One row: the name as the row's header, then region, province, sector and figure. */
function listRow(m: ClusterMark, isSelected: boolean, text: (m: ClusterMark, key: SortKey) => string): HTMLElement {
  return h(
    'tr',
    { tabindex: '-1', 'data-cluster': m.cluster.id, 'aria-selected': String(isSelected), class: isSelected ? 'is-selected' : '' },
    ...(['name', 'region', 'province', 'sector', 'figure'] as const).map((k) => h(k === 'name' ? 'th' : 'td', k === 'name' ? { scope: 'row', class: 'col-name' } : { class: `col-${k}${k === 'figure' ? ' num' : ''}` }, text(m, k))),
  );
}
