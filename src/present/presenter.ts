/**
 * The slide show in the main window: one slide at a time, keys and buttons, overview with editor,
 * blank screen, full screen, the notes window kept in step, the URL (slide=, and slides= once edited)
 * updated on every move, and the printable handout.
 */
import { h } from '../ui/dom.ts';
import { showNotice } from '../ui/notice.ts';
import { t, type Lang } from '../i18n/index.ts';
import { langSwitchHref, type PageStatus } from '../pages/shell.ts';
import { ps } from './strings.ts';
import type { PresentContext } from './context.ts';
import type { ResolvedDeck } from './deck.ts';
import { toUrlSlides } from './deck.ts';
import { serializeSlides } from './deckUrl.ts';
import { slideFrame, fillSlide, roomText } from './slide.ts';
import { createHandout, handoutPage } from './handout.ts';
import { renderOverview } from './overview.ts';
import { createKeyMap, type Action } from './keys.ts';
import { createSync, sameDeck, type DeckRef } from './sync.ts';
import type { SlideMap } from './slideMap.ts';

export interface PresenterOptions {
  root: HTMLElement;
  notices: HTMLElement;
  pc: PresentContext;
  deck: ResolvedDeck;
  ref: DeckRef;
  start: number;
  status: PageStatus;
  map: SlideMap;
}

/** Type on screen scales with the window's height: the same share of the screen at 720 and 1080 lines. */
export const screenZoom = (win: Window = window) => Math.min(2.4, Math.max(1.15, win.innerHeight / 560));

/** The page's URL for a deck and slide, keeping every other parameter (lang, notes). */
export function deckSearch(search: string, ref: DeckRef, slide: number, extra: Record<string, string | null> = {}): string {
  const p = new URLSearchParams(search);
  if (ref.kind === 'url') {
    p.set('slides', ref.param);
    p.delete('deck');
  } else {
    p.delete('slides');
    if (ref.id === 'default') p.delete('deck');
    else p.set('deck', ref.id);
  }
  p.set('slide', String(slide + 1));
  for (const [k, v] of Object.entries(extra)) {
    if (v == null) p.delete(k);
    else p.set(k, v);
  }
  return `?${p.toString()}`;
}

export function startPresenter(o: PresenterOptions): void {
  const { root, pc, status } = o;
  const lang: Lang = pc.lang;
  let deck = o.deck;
  let ref = o.ref;
  let index = Math.min(Math.max(0, o.start), deck.slides.length - 1);
  let notesWin: Window | null = null;

  const stage = h('div', { class: 'present-stage' });
  const { bar, counter, prevBtn, nextBtn, pptxBtn, langLink } = presenterBar(lang, act, () => void exportDeck(pptxBtn, o, () => deck));
  const gotoEl = h('p', { class: 'present-goto', role: 'status', hidden: true });
  const overview = h('div', { class: 'present-overview', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'overview-title', hidden: true });
  const blank = h('div', { class: 'present-blank', hidden: true, 'aria-label': ps(lang, 'present.blanked'), onclick: () => act({ kind: 'blank' }) });
  const handoutEl = h('div', { class: 'handout', 'aria-hidden': 'true' });
  root.replaceChildren(stage, bar, gotoEl, overview, blank);
  document.body.append(handoutEl);
  const handout = createHandout(handoutEl, handoutPage(pc));
  // Printing shows the handout: every page is there before the print is laid out.
  window.addEventListener('beforeprint', () => void handout.pages());

  const sync = createSync((msg) => {
    if (!sameDeck(msg.deck, ref)) return;
    if (msg.type === 'hello') post();
    else if (msg.type === 'goto') show(msg.slide);
  });
  const post = () => sync.post({ type: 'state', deck: ref, slide: index, total: deck.slides.length });

  function show(i: number): void {
    index = Math.min(Math.max(0, i), deck.slides.length - 1);
    const slide = deck.slides[index]!;
    const frame = slideFrame(pc, slide, index, deck.slides.length, 'slide');
    frame.el.classList.add('is-entering');
    stage.replaceChildren(frame.el);
    const zoom = screenZoom();
    fillSlide(pc, frame, slide, { zoom, withMap: false, text: roomText(window.innerHeight) });
    o.map.show(frame, slide, zoom);
    counter.textContent = ps(lang, 'present.slideOf', { n: index + 1, total: deck.slides.length });
    prevBtn.toggleAttribute('disabled', index === 0);
    nextBtn.toggleAttribute('disabled', index === deck.slides.length - 1);
    history.replaceState(null, '', location.pathname + deckSearch(location.search, ref, index) + location.hash);
    langLink.setAttribute('href', langSwitchHref(location, lang));
    post();
  }

  function openOverview(): void {
    renderOverview(overview, deck, handout.pages(), index, {
      lang,
      onOpen: (i) => {
        closeOverview();
        show(i);
      },
      onMove: (i, by) => edit(() => {
        const [s] = deck.slides.splice(i, 1);
        deck.slides.splice(i + by, 0, s!);
        if (index === i) index = i + by;
        else if (index === i + by) index = i;
      }, i + by),
      onRetitle: (i, headline) => edit(() => (deck.slides[i]!.headline = headline), null),
      onClose: closeOverview,
    });
    overview.hidden = false;
    root.classList.add('has-overview');
    overview.querySelector<HTMLElement>('.thumb[aria-current="true"]')?.focus();
  }
  function closeOverview(): void {
    overview.hidden = true;
    root.classList.remove('has-overview');
    stage.focus({ preventScroll: true });
  }

  /** An edit turns the deck into a URL deck (one language: this one), so the link carries it. */
  function edit(change: () => void, focusMoved: number | null): void {
    change();
    deck = { ...deck, slides: [...deck.slides] };
    ref = { kind: 'url', param: serializeSlides(toUrlSlides(deck)) };
    handout.reset(deck);
    show(index);
    openOverview();
    if (focusMoved != null) overview.querySelectorAll<HTMLElement>('.thumb')[focusMoved]?.focus();
  }

  function openNotes(): void {
    const url = location.pathname + deckSearch(location.search, ref, index, { notes: '1' });
    notesWin = window.open(url, 'cluster-atlas-notes', 'popup,width=960,height=720');
    sync.peer(notesWin);
    if (!notesWin) showNotice(o.notices, ps(lang, 'present.notes.blocked'), t(lang, 'notice.dismiss'), 'info');
  }

  function act(a: Action): void {
    perform(a, { lang, blank, gotoEl, show, index, count: deck.slides.length, overviewOpen: !overview.hidden, openOverview, closeOverview, openNotes });
  }

  listenKeys(createKeyMap(), () => !overview.hidden, closeOverview, act);

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => show(index), 150);
  });

  stage.tabIndex = -1;
  show(index);
  handout.reset(deck);
  status.ready = true;
}

/** The bar of buttons under the slide: each sends its action (and names its key for a clicker's user). */
function presenterBar(lang: Lang, act: (a: Action) => void, exportDeck: () => void) {
  const button = (cls: string, key: Parameters<typeof ps>[1], onclick: () => void, shortcut: string) =>
    h('button', { type: 'button', class: `bar-btn ${cls}`, 'aria-keyshortcuts': shortcut, onclick }, ps(lang, key));
  const counter = h('p', { class: 'present-counter', 'aria-live': 'polite' });
  const prevBtn = button('prev', 'present.prev', () => act({ kind: 'prev' }), 'ArrowLeft PageUp');
  const nextBtn = button('next', 'present.next', () => act({ kind: 'next' }), 'ArrowRight PageDown Space');
  const pptxBtn = h('button', { type: 'button', class: 'bar-btn pptx-btn', title: ps(lang, 'present.pptx.title'), onclick: exportDeck }, ps(lang, 'present.pptx'));
  const langLink = h('a', { class: 'bar-btn lang-switch', lang: lang === 'zh' ? 'en' : 'zh-CN', hreflang: lang === 'zh' ? 'en' : 'zh-CN' }, t(lang, 'lang.switch'));
  const bar = h(
    'nav',
    { class: 'present-bar', 'aria-label': ps(lang, 'present.bar') },
    prevBtn,
    counter,
    nextBtn,
    button('overview-btn', 'present.overview', () => act({ kind: 'overview' }), 'O'),
    button('notes-btn', 'present.notes', () => act({ kind: 'notes' }), 'N'),
    button('blank-btn', 'present.blank', () => act({ kind: 'blank' }), 'B'),
    button('fullscreen-btn', 'present.fullscreen', () => act({ kind: 'fullscreen' }), 'F'),
    pptxBtn,
    langLink,
  );
  return { bar, counter, prevBtn, nextBtn, pptxBtn, langLink };
}

/** The deck as shown (edits included) to a .pptx; the button counts the slides while it works. */
async function exportDeck(btn: HTMLButtonElement, o: Pick<PresenterOptions, 'pc' | 'notices'>, deckNow: () => ResolvedDeck): Promise<void> {
  if (btn.disabled) return;
  const lang = o.pc.lang;
  const deck = deckNow();
  const busy = (n: number, total: number) => (btn.textContent = ps(lang, 'present.pptx.busy', { n, total }));
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  busy(0, deck.slides.length);
  try {
    const { exportPptx } = await import('./pptx.ts');
    await exportPptx(o.pc, deck, busy);
  } catch (err) {
    showNotice(o.notices, ps(lang, 'present.pptx.failed', { detail: err instanceof Error ? err.message : String(err) }), t(lang, 'notice.dismiss'));
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
    btn.textContent = ps(lang, 'present.pptx');
  }
}

/** The keys a clicker or keyboard sends, to actions; in the overview only O and Esc (which close it) are taken. */
function listenKeys(keys: ReturnType<typeof createKeyMap>, overviewOpen: () => boolean, closeOverview: () => void, act: (a: Action) => void): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (overviewOpen()) {
      // In the overview, Tab and Enter work the grid; only O and Esc close it.
      if (e.key === 'Escape' || e.key === 'o' || e.key === 'O') {
        e.preventDefault();
        closeOverview();
      }
      return;
    }
    // Enter and Space on a focused bar button press that button.
    if ((e.key === 'Enter' || e.key === ' ') && target?.closest('button, a') && !keys.typed()) return;
    const a = keys.handle(e);
    if (!a) return;
    e.preventDefault();
    act(a);
  });
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** What an action needs of the show: where it is, and its moves. */
interface ShowNow {
  lang: Lang;
  blank: HTMLElement;
  gotoEl: HTMLElement;
  show(i: number): void;
  index: number;
  count: number;
  overviewOpen: boolean;
  openOverview(): void;
  closeOverview(): void;
  openNotes(): void;
}

/** One action (a key, a clicker button, a bar button); any action first lifts a blanked screen. */
function perform(a: Action, s: ShowNow): void {
  if (!s.blank.hidden && a.kind !== 'digits') {
    s.blank.hidden = true;
    return;
  }
  s.gotoEl.hidden = true;
  switch (a.kind) {
    case 'next':
      return s.show(s.index + 1);
    case 'prev':
      return s.show(s.index - 1);
    case 'first':
      return s.show(0);
    case 'last':
      return s.show(s.count - 1);
    case 'goto':
      return s.show(a.n - 1);
    case 'digits':
      s.gotoEl.hidden = a.typed === '';
      s.gotoEl.textContent = ps(s.lang, 'present.goto', { n: a.typed });
      return;
    case 'overview':
      return s.overviewOpen ? s.closeOverview() : s.openOverview();
    case 'notes':
      return s.openNotes();
    case 'blank':
      s.blank.hidden = false;
      return;
    case 'fullscreen':
      return toggleFullscreen();
    case 'escape':
      if (s.overviewOpen) s.closeOverview();
      return;
  }
}
