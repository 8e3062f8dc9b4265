/** The share & embed dialog: the permalink, an iframe snippet for the current view, copy buttons, a live preview. */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { serializeView, type ViewState } from '../state/url.ts';
import { CHART_IDS } from '../charts/registry.ts';
import type { EmbedChart } from '../state/embed.ts';

/** The embed URL of a view: the same view parameters plus chart=…, without the explore-only ones. */
export function embedUrl(base: URL, view: ViewState, chart: EmbedChart): string {
  const url = new URL('embed.html', base);
  const q = new URLSearchParams(serializeView({ ...view, tab: 'list', at: chart === 'map' ? view.at : null }).slice(1));
  q.set('chart', chart);
  url.search = q.toString();
  return url.href;
}

/** A responsive iframe with the resize script; without the script it still shows at a sensible height. */
export function snippet(src: string, title: string, id: string, chart: EmbedChart): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const script = new URL('embed.js', src).href;
  const height = chart === 'map' ? 640 : 560;
  return `<iframe src="${esc(src + '&id=' + id)}" title="${esc(title)}" data-cluster-atlas="${esc(id)}" style="width:100%;height:${height}px;border:0" loading="lazy"></iframe>\n<script src="${esc(script)}" async></script>`;
}

async function copy(text: string, field: HTMLTextAreaElement | HTMLInputElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    field.select();
    document.execCommand('copy');
  }
}

export function openShareDialog(o: { lang: Lang; view: ViewState; base: URL; title: string }): HTMLDialogElement {
  const { lang } = o;
  const permalink = new URL(serializeView(o.view) || '?', new URL('./', o.base)).href.replace(/\?$/, '');
  const linkField = h('input', { type: 'text', readonly: true, class: 'share-field', value: permalink, 'aria-label': t(lang, 'share.permalink') });
  const chartSelect = h(
    'select',
    { id: 'share-chart', class: 'share-select' },
    h('option', { value: 'map' }, t(lang, 'share.map')),
    ...CHART_IDS.map((c) => h('option', { value: c }, t(lang, `tab.${c}`))),
  );
  chartSelect.value = o.view.tab === 'list' ? 'map' : o.view.tab;
  const code = h('textarea', { class: 'share-code', rows: '4', readonly: true, 'aria-label': t(lang, 'share.snippet') });
  const preview = h('iframe', { class: 'share-preview', title: t(lang, 'share.preview'), loading: 'lazy' });
  const id = `ca-${Math.random().toString(36).slice(2, 8)}`;
  const refresh = () => {
    const chart = chartSelect.value as EmbedChart;
    const src = embedUrl(o.base, o.view, chart);
    code.value = snippet(src, o.title, id, chart);
    preview.src = src;
  };
  chartSelect.addEventListener('change', refresh);
  const copied = h('span', { class: 'share-copied', role: 'status' });
  const copyBtn = (field: HTMLInputElement | HTMLTextAreaElement) =>
    h('button', {
      type: 'button',
      class: 'share-copy',
      onclick: async () => {
        await copy(field.value, field);
        copied.textContent = t(lang, 'share.copied');
      },
    }, t(lang, 'share.copy'));
  const dialog = h(
    'dialog',
    { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, t(lang, 'share.title')),
    h('label', { class: 'field' }, t(lang, 'share.permalink')),
    h('div', { class: 'share-row' }, linkField, copyBtn(linkField)),
    h('label', { class: 'field', for: 'share-chart' }, t(lang, 'share.chart')),
    chartSelect,
    h('label', { class: 'field' }, t(lang, 'share.snippet')),
    h('div', { class: 'share-row' }, code, copyBtn(code)),
    copied,
    h('p', { class: 'field' }, t(lang, 'share.preview')),
    preview,
    h('form', { method: 'dialog' }, h('button', { class: 'share-close' }, t(lang, 'share.close'))),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  refresh();
  dialog.showModal();
  return dialog;
}
