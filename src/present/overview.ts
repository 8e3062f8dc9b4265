/**
 * The overview (O): every slide as a thumbnail (a copy of its handout page) to click, and a small
 * editor: move a slide up or down, edit its headline. Edits are handed to the page, which turns the
 * deck into a URL deck (present.html?slides=…), so the edited deck is a link to share.
 */
import { h } from '../ui/dom.ts';
import type { Lang } from '../i18n/index.ts';
import { ps } from './strings.ts';
import type { ResolvedDeck } from './deck.ts';

export interface OverviewOptions {
  lang: Lang;
  onOpen(index: number): void;
  onMove(index: number, by: -1 | 1): void;
  onRetitle(index: number, headline: string): void;
  onClose(): void;
}

export function renderOverview(host: HTMLElement, deck: ResolvedDeck, pages: readonly HTMLElement[], current: number, o: OverviewOptions): void {
  const { lang } = o;
  const n = deck.slides.length;
  const cards = deck.slides.map((slide, i) => {
    const thumb = h('button', { type: 'button', class: 'thumb', 'data-slide': i + 1, 'aria-label': ps(lang, 'present.overview.open', { n: i + 1, headline: slide.headline }), 'aria-current': i === current ? 'true' : null, onclick: () => o.onOpen(i) });
    const page = pages[i];
    if (page) {
      const copy = page.cloneNode(true) as HTMLElement;
      copy.removeAttribute('id');
      for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
      copy.setAttribute('aria-hidden', 'true');
      copy.setAttribute('inert', '');
      thumb.append(h('div', { class: 'thumb-scale' }, copy));
    }
    const input = h('input', { type: 'text', class: 'thumb-headline', value: slide.headline, maxlength: 140, 'aria-label': ps(lang, 'present.edit.headline', { n: i + 1 }) });
    input.addEventListener('change', () => {
      const v = input.value.trim();
      if (v && v !== slide.headline) o.onRetitle(i, v);
    });
    return h(
      'li',
      { class: 'card' },
      h('p', { class: 'card-num' }, String(i + 1)),
      thumb,
      input,
      h(
        'div',
        { class: 'card-tools' },
        h('button', { type: 'button', class: 'move-up', disabled: i === 0, onclick: () => o.onMove(i, -1) }, ps(lang, 'present.edit.up')),
        h('button', { type: 'button', class: 'move-down', disabled: i === n - 1, onclick: () => o.onMove(i, 1) }, ps(lang, 'present.edit.down')),
      ),
    );
  });
  host.replaceChildren(
    h(
      'div',
      { class: 'overview-head' },
      h('h2', { id: 'overview-title' }, ps(lang, 'present.overview.title', { title: deck.title })),
      h('p', { class: 'overview-keys' }, ps(lang, 'present.keys')),
      h('button', { type: 'button', class: 'overview-close', onclick: () => o.onClose() }, ps(lang, 'present.overview.close')),
    ),
    h('ol', { class: 'overview-grid' }, ...cards),
  );
}
