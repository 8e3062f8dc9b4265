/**
 * The panel under the map: tabs for the cluster list and the charts. Charts follow the view's filters;
 * hovering a cluster or region in a chart highlights it on the map and in the list, and back.
 */
import { h, clear } from './dom.ts';
import { t, tCount, type Lang } from '../i18n/index.ts';
import { TABS, type ViewState } from '../state/url.ts';
import type { Store } from '../state/store.ts';
import type { Atlas } from '../data/schema.ts';
import { buildChart, chartLoaded, loadChart, growthSubject, type ChartId, type BuiltChart } from '../charts/registry.ts';
import { withRetry } from './loader.ts';
import { chartFigure } from './chartView.ts';
import { layerAtlas } from '../data/layers.ts';
import { labelOf } from '../data/names.ts';
import { figureYears, chosenYear } from '../data/series.ts';
import { moneyMetric } from '../charts/shared/money.ts';
import type { AtlasContext } from './context.ts';
import { name } from './context.ts';

export interface Panel {
  el: HTMLElement;
  update(view: ViewState): void;
  highlight(id: string | null): void;
  highlightRegion(region: string | null): void;
}

interface PanelOptions {
  ctx: AtlasContext;
  atlas: Atlas;
  lang: Lang;
  store: Store;
  list: HTMLElement;
  onHover(id: string | null): void;
  onHoverRegion?(region: string | null): void;
  exportMenu?(built: BuiltChart): HTMLElement;
}

/** The planned-growth chart's subject: chosen from the layers in view, as the chart chooses it. */
function subjectPicker(o: PanelOptions, v: ViewState): HTMLElement {
  const { atlas, lang, store } = o;
  const shown = layerAtlas(atlas, v);
  const chosen = growthSubject(shown, v);
  const options: [string, string][] = [
    ...shown.groups.map((g) => [g.id, name(g, lang)] as [string, string]),
    ...(['east', 'central', 'west', 'northeast'] as const).map((r) => [r, t(lang, `region.${r}`)] as [string, string]),
    ['CN', t(lang, 'subject.nation')],
  ];
  const cluster = o.ctx.clusters.get(chosen);
  if (cluster) options.unshift([cluster.id, labelOf(atlas, cluster, lang)]);
  const select = h('select', { id: 'subject-select', class: 'subject-select' }, ...options.map(([id, label]) => h('option', { value: id, selected: id === chosen }, label)));
  select.addEventListener('change', () => store.set({ subject: select.value }));
  return h('div', { class: 'subject-row' }, h('label', { for: 'subject-select' }, t(lang, 'chart.subject')), select);
}

/** The year the output chart sums, as the chart chooses it: the years with figures of its metric, each with how many clusters. */
function yearPicker(o: PanelOptions, v: ViewState): HTMLElement {
  const { lang, store } = o;
  const years = figureYears(layerAtlas(o.atlas, v), moneyMetric(o.atlas, v.metric));
  const chosen = chosenYear(years, v.year);
  const select = h('select', { id: 'year-select', class: 'year-select' }, ...years.map((y) => h('option', { value: String(y.year), selected: y.year === chosen }, tCount(lang, 'chart.output.yearOption', y.clusters, { year: y.year, n: y.clusters }))));
  select.addEventListener('change', () => store.set({ year: Number(select.value) }));
  return h('div', { class: 'subject-row' }, h('label', { for: 'year-select' }, t(lang, 'chart.output.year')), select);
}

export function createPanel(o: PanelOptions): Panel {
  const { lang, store, atlas } = o;
  let showTable = false;
  const { tabs, tablist } = panelTabs(lang, store);
  const body = h('div', { class: 'panel-body', id: 'panel-body', role: 'tabpanel' });
  const widen = widenButton(lang);
  const el = h('section', { class: 'panel' }, h('div', { class: 'panel-head' }, tablist, widen), body);
  let current: ViewState | null = null;
  let hot: string | null = null;
  /** The height left for the chart on screen, set for a second drawing when the first ran past the panel. */
  let room: number | null = null;
  /** List the clusters without a figure one per row (else one summary line). */
  let listAll = false;

  function render() {
    const v = current;
    if (!v) return;
    for (const b of tabs) {
      const on = b.dataset['tab'] === v.tab;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    body.setAttribute('aria-labelledby', `tab-${v.tab}`);
    clear(body);
    if (v.tab === 'list') {
      body.append(o.list);
      return;
    }
    const id = v.tab as ChartId;
    if (!chartLoaded(id)) {
      // The chart's code comes on first use; a failed load says so, with a retry, in the panel.
      const host = h('div', { class: 'chart-loading' });
      body.append(host);
      void withRetry(host, lang, () => loadChart(id, lang)).then(() => {
        if (current?.tab === id && body.contains(host)) render();
      });
      return;
    }
    const width = Math.max(320, Math.min(1400, Math.floor(body.clientWidth || el.clientWidth || 800) - 24));
    const built = buildChart(id, atlas, v, { width, lang, doc: document, highlight: hot, room, listAll });
    if (v.tab === 'growth') body.append(subjectPicker(o, v));
    if (v.tab === 'output') body.append(yearPicker(o, v));
    const figure = chartFigure(
      built,
      lang,
      showTable,
      (table) => {
        showTable = table;
        render();
      },
      o.exportMenu?.(built) ?? null,
    );
    body.append(figure);
    // Clusters without a figure are one line under the chart; a button lists them (and folds them back).
    if (!showTable && (listAll || built.svg.querySelector('.no-figure-summary'))) {
      const toggle = listAllToggle(lang, listAll, () => {
        listAll = !listAll;
        render();
      });
      figure.insertBefore(toggle, figure.querySelector('figcaption'));
    }
    // Beside the map (wide screens) the chart should be seen whole: when it runs past the panel, draw it
    // once more into the room there is (charts whose plots can shrink do; the others keep their size).
    if (room == null && !showTable) {
      room = roomLeft(body);
      if (room != null) render();
    }
    room = null;
  }

  listenChartHover(body, o);
  // Re-lay the chart when the panel's width changes (not its height, which the chart itself sets).
  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = body.clientWidth;
    if (Math.abs(w - lastWidth) < 8) return;
    lastWidth = w;
    if (current && current.tab !== 'list') render();
  }).observe(body);

  return {
    el,
    update(v) {
      const prev = current;
      current = v;
      if (!prev || prev.tab !== v.tab) showTable = listAll = false;
      render();
    },
    highlightRegion(region) {
      for (const n of body.querySelectorAll('svg [data-region]')) if (!n.hasAttribute('data-cluster')) n.classList.toggle('is-region-hot', n.getAttribute('data-region') === region);
    },
    highlight(id) {
      hot = id;
      for (const n of body.querySelectorAll('svg [data-cluster]')) n.classList.toggle('is-highlighted', n.getAttribute('data-cluster') === id);
    },
  };
}

/** The tabs (the list and each chart), with the arrow keys moving between them. */
function panelTabs(lang: Lang, store: PanelOptions['store']): { tabs: HTMLButtonElement[]; tablist: HTMLElement } {
  const tabs = TABS.map((tab) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-controls': 'panel-body', class: 'tab', 'data-tab': tab, onclick: () => store.set({ tab }) }, t(lang, `tab.${tab}`)),
  );
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t(lang, 'tabs.label') }, ...tabs);
  tablist.addEventListener('keydown', (e) => {
    const i = tabs.findIndex((b) => b === document.activeElement);
    if (i < 0 || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    e.preventDefault();
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    next.focus();
    next.click();
  });
  return { tabs, tablist };
}

/** The open tab can take the whole page (wide screens), and give it back to the map. */
function widenButton(lang: Lang): HTMLButtonElement {
  const widen = h('button', { type: 'button', class: 'panel-widen', 'aria-pressed': 'false', title: t(lang, 'panel.widen.title') }, t(lang, 'panel.widen'));
  widen.addEventListener('click', () => {
    const wide = !document.body.classList.contains('chart-wide');
    document.body.classList.toggle('chart-wide', wide);
    widen.setAttribute('aria-pressed', String(wide));
    widen.textContent = t(lang, wide ? 'panel.narrow' : 'panel.widen');
  });
  return widen;
}

/** Hover inside a chart: any mark naming a cluster, or a region's own marks (a bar, a line) standing for the region. */
function listenChartHover(body: HTMLElement, o: Pick<PanelOptions, 'onHover' | 'onHoverRegion'>): void {
  body.addEventListener('mouseover', (e) => {
    const target = (e.target as Element).closest?.('[data-cluster], [data-region]');
    const cluster = target?.getAttribute('data-cluster') ?? null;
    o.onHover(cluster);
    o.onHoverRegion?.(cluster ? null : (target?.getAttribute('data-region') ?? null));
  });
  body.addEventListener('mouseleave', () => {
    o.onHover(null);
    o.onHoverRegion?.(null);
  });
}

/** The button that lists the clusters without a figure one per row, or folds them back into one line. */
function listAllToggle(lang: Lang, listAll: boolean, toggle: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'chart-toggle list-all', 'aria-pressed': String(listAll) }, t(lang, listAll ? 'chart.listall.off' : 'chart.listall.on'));
  b.addEventListener('click', toggle);
  return b;
}

/** The height the chart may take to be seen whole when it runs past the panel's bottom; null when it fits. */
function roomLeft(body: HTMLElement): number | null {
  if (body.scrollHeight <= body.clientHeight) return null;
  const svg = body.querySelector('.chart > svg');
  const over = svg ? svg.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom : 0;
  return svg && over > 0 ? Math.floor(svg.getBoundingClientRect().height - over - 4) : null;
}
