/** The keyboard-usable list alternative to the map: the filtered clusters as a sortable table. */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { formatFigureValue } from '../i18n/format.ts';
import type { ClusterMark } from '../data/marks.ts';
import type { AtlasContext } from './context.ts';
import { name } from './context.ts';

type SortKey = 'name' | 'region' | 'province' | 'sector' | 'figure';

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

  const text = (m: ClusterMark, key: SortKey): string => {
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
        return m.figure ? formatFigureValue(m.figure, lang) : t(lang, 'list.nofigure');
    }
  };
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');

  function render() {
    const rows = [...marks].sort((a, b) => {
      if (sort.key === 'figure') {
        // Clusters without a figure always go last.
        if (a.value == null || b.value == null) return Number(a.value == null) - Number(b.value == null) || collator.compare(text(a, 'name'), text(b, 'name'));
        return sort.dir * (a.value - b.value);
      }
      return sort.dir * collator.compare(text(a, sort.key), text(b, sort.key));
    });
    caption.textContent = t(lang, 'list.caption', { n: rows.length });
    for (const th of headers) th.setAttribute('aria-sort', th.dataset['key'] === sort.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none');
    tbody.replaceChildren(
      ...rows.map((m) => {
        const tr = h(
          'tr',
          { tabindex: '-1', 'data-cluster': m.cluster.id, 'aria-selected': String(m.cluster.id === selected), class: m.cluster.id === selected ? 'is-selected' : '' },
          ...(['name', 'region', 'province', 'sector', 'figure'] as const).map((k) => h(k === 'name' ? 'th' : 'td', k === 'name' ? { scope: 'row', class: 'col-name' } : { class: `col-${k}${k === 'figure' ? ' num' : ''}` }, text(m, k))),
        );
        tr.addEventListener('click', () => o.onSelect(m.cluster.id));
        tr.addEventListener('mouseenter', () => o.onHover(m.cluster.id));
        tr.addEventListener('mouseleave', () => o.onHover(null));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            o.onSelect(m.cluster.id);
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
            e.preventDefault();
            const next = (
              e.key === 'ArrowDown' ? tr.nextElementSibling : e.key === 'ArrowUp' ? tr.previousElementSibling : e.key === 'Home' ? tbody.firstElementChild : tbody.lastElementChild
            ) as HTMLElement | null;
            if (next) rove(next);
          }
        });
        tr.addEventListener('focus', () => rove(tr, false));
        return tr;
      }),
    );
    // One row is in the tab order (the selected one, else the first); arrows move within the list.
    const current = (selected && tbody.querySelector<HTMLElement>(`tr[data-cluster="${CSS.escape(selected)}"]`)) || (tbody.firstElementChild as HTMLElement | null);
    current?.setAttribute('tabindex', '0');
  }

  function rove(row: HTMLElement, focus = true) {
    for (const r of tbody.querySelectorAll<HTMLElement>('tr[tabindex="0"]')) if (r !== row) r.setAttribute('tabindex', '-1');
    row.setAttribute('tabindex', '0');
    if (focus) row.focus();
  }

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
