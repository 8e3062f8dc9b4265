/** The import's progress bar: what is being done, how far, and a button that stops it. */
import { t, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { h } from '../ui/dom.ts';
import type { Progress } from './session.ts';

export interface ProgressView {
  el: HTMLElement;
  show(p: Progress): void;
  hide(): void;
}

export function progressView(lang: Lang, onCancel: () => void): ProgressView {
  const bar = h('progress', { max: 1, class: 'import-progress-bar' });
  const text = h('span', { class: 'import-progress-text' });
  const cancel = h('button', { type: 'button', class: 'import-progress-cancel', onclick: onCancel }, t(lang, 'import.progress.cancel'));
  const el = h('div', { class: 'import-progress', role: 'status', 'aria-live': 'polite', hidden: true }, bar, ' ', text, ' ', cancel);
  const n = (x: number) => formatNumber(x, lang);
  return {
    el,
    show(p) {
      el.hidden = false;
      if (p.share == null) bar.removeAttribute('value');
      else bar.value = p.share;
      text.textContent =
        p.phase === 'read' ? t(lang, 'import.progress.read')
        : p.phase === 'parse' ? t(lang, 'import.progress.parse', { rows: n(p.rows) })
        : p.phase === 'check' ? t(lang, 'import.progress.check', { rows: n(p.rows), total: n(p.total ?? p.rows) })
        : t(lang, 'import.progress.store', { rows: n(p.rows) });
    },
    hide() {
      el.hidden = true;
    },
  };
}
