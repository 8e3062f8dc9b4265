/** The speaker-notes window (present.html?notes=1&…): this slide's headline and notes, the next slide's headline. */
import { h } from '../ui/dom.ts';
import type { Lang } from '../i18n/index.ts';
import { ps } from './strings.ts';
import type { ResolvedDeck } from './deck.ts';

export function renderNotes(host: HTMLElement, deck: ResolvedDeck, index: number, lang: Lang): void {
  const slide = deck.slides[index]!;
  const next = deck.slides[index + 1];
  host.replaceChildren(
    h(
      'div',
      { class: 'notes-view', 'data-slide': index + 1 },
      h('p', { class: 'notes-count' }, ps(lang, 'present.slideOf', { n: index + 1, total: deck.slides.length })),
      h('h1', { class: 'notes-headline' }, slide.headline),
      slide.text ? h('p', { class: 'notes-text' }, slide.text) : null,
      h('div', { class: 'notes-body' }, slide.notes ?? ps(lang, 'present.notes.none')),
      h('p', { class: 'notes-next' }, next ? ps(lang, 'present.notes.next', { headline: next.headline }) : ps(lang, 'present.notes.end')),
      h('p', { class: 'notes-keys' }, ps(lang, 'present.notes.keys')),
    ),
  );
}
