/**
 * Embed page (embed.html): one chart or the map for an iframe. Fills the frame's width, never scrolls
 * inside, reports its height to the parent page, carries title, subtitle, source, notes, downloads and a
 * link back to the full view. Chart embeds load no maplibre and no deck.gl.
 */
import { startPage, settleView } from './shell.ts';
import { loadAtlas } from '../data/load.ts';
import { serializeView, type ViewState } from '../state/url.ts';
import { parseEmbed, EMBED_KEYS, type EmbedOptions } from '../state/embed.ts';
import { buildChart, loadChart, type BuiltChart } from '../charts/registry.ts';
import type { Atlas } from '../data/schema.ts';
import { t, type Lang } from '../i18n/index.ts';
import { h, clear } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { showNotice } from '../ui/notice.ts';
import { chartExportMenu, mapExportMenu } from '../ui/exportMenu.ts';
import { citation } from '../export/cite.ts';
import '../styles/embed.css';

const { view, ignored, status } = startPage(window, EMBED_KEYS);
const embed = parseEmbed(location.search);
const lang = view.lang;
const root = document.getElementById('root')!;
const notices = document.getElementById('notices')!;
document.body.classList.toggle('is-plain', embed.options.plain);
document.body.classList.toggle('is-static', embed.options.static);
const mapNotice = (lang === 'zh' ? import.meta.env.VITE_MAP_NOTICE_ZH : import.meta.env.VITE_MAP_NOTICE_EN) as string | undefined;

/** The full explore view of this embed, for the link back and for citations. */
function fullViewUrl(v: ViewState, o: EmbedOptions): string {
  const url = new URL('./', location.href);
  url.search = serializeView(o.chart === 'map' ? v : { ...v, tab: o.chart });
  return url.href;
}

/** Posts the page's height to the parent page only, with the embed's id and nothing else. */
function reportHeight(id: string | null): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'cluster-atlas:height', id, height }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}

function frame(title: string, subtitle: string, body: Node, foot: Node[]): void {
  clear(root);
  if (!embed.options.plain) root.append(h('header', { class: 'embed-head' }, h('h1', { class: 'embed-title' }, title), h('p', { class: 'embed-subtitle' }, subtitle)));
  root.append(body);
  if (!embed.options.plain) root.append(h('footer', { class: 'embed-foot' }, ...foot));
}

function footer(v: ViewState, source: string, notes: string[], menu: HTMLElement | null): Node[] {
  const parts: (HTMLElement | null)[] = [
    h('p', { class: 'embed-source' }, source),
    notes.length ? h('ul', { class: 'embed-notes' }, ...notes.map((n) => h('li', {}, n))) : null,
    mapNotice ? h('p', { class: 'map-notice' }, mapNotice) : null,
    h(
      'div',
      { class: 'embed-actions' },
      h('a', { class: 'embed-link', href: fullViewUrl(v, embed.options), target: '_blank', rel: 'noopener' }, t(lang, 'embed.fullview')),
      // A static embed has no download menu: the data itself is one link away.
      embed.options.static ? h('a', { class: 'embed-link embed-data', href: new URL('data/cluster-atlas-data.zip', location.href).href, target: '_blank', rel: 'noopener' }, t(lang, 'embed.datacsv')) : null,
      menu,
    ),
  ];
  return parts.filter((n): n is HTMLElement => n != null);
}

function renderChart(atlas: Atlas, v: ViewState, lang: Lang): BuiltChart {
  const width = Math.max(260, Math.min(1600, root.clientWidth || window.innerWidth) - 8);
  return buildChart(embed.options.chart as Exclude<EmbedOptions['chart'], 'map'>, atlas, v, { width, lang, doc: document });
}

// The data and the one chart's code load together (a chart embed downloads no other chart), under one retry.
const chartId = embed.options.chart === 'map' ? null : embed.options.chart;
withRetry(document.getElementById('load-status')!, lang, () => Promise.all([loadAtlas(), chartId ? loadChart(chartId, lang) : null]).then(([atlas]) => atlas)).then(async (atlas) => {
  const v = settleView(atlas, view, [...ignored, ...embed.ignored], notices);
  const onError = (m: string) => showNotice(notices, m, t(lang, 'notice.dismiss'));
  if (embed.options.chart === 'map') {
    const { renderMapEmbed } = await import('./embedMap.ts');
    const body = h('div', { class: 'embed-body' });
    const title = t(lang, 'embed.map.title');
    const subtitle = t(lang, 'embed.map.subtitle');
    const cite = citation(lang, fullViewUrl(v, embed.options), []);
    frame(title, subtitle, body, []);
    const m = await renderMapEmbed(atlas, v, embed.options, lang, body);
    status.renderer = m.renderer;
    if (m.failure) showNotice(notices, m.failure, t(lang, 'notice.dismiss'), 'info');
    const menu = embed.options.static
      ? null
      : mapExportMenu({ mapEl: m.el, atlas, lang, citation: cite, onError, text: () => ({ title, subtitle, legend: m.legend, key: m.key, source: t(lang, 'footer.source'), notice: mapNotice ?? null }) });
    if (!embed.options.plain) root.append(h('footer', { class: 'embed-foot' }, ...footer(v, t(lang, 'footer.source'), [], menu)));
  } else {
    const draw = () => {
      const built = renderChart(atlas, v, lang);
      const cite = citation(lang, fullViewUrl(v, embed.options), built.sources);
      const menu = embed.options.static ? null : chartExportMenu({ built, atlas, lang, citation: cite, notice: mapNotice ?? null, onError });
      frame(built.meta.title, built.meta.subtitle, h('figure', { class: 'embed-body embed-chart' }, built.svg), footer(v, built.meta.source, built.meta.notes, menu));
    };
    draw();
    let lastWidth = root.clientWidth;
    new ResizeObserver(() => {
      if (Math.abs(root.clientWidth - lastWidth) < 8) return;
      lastWidth = root.clientWidth;
      draw();
    }).observe(root);
  }
  reportHeight(embed.options.id);
  status.mapIdleAt = performance.now();
  status.ready = true;
});
