/**
 * Presentation page (present.html): full-screen slides for meetings, wiring only (see src/present/).
 *   ?deck=<id>        a deck from data/decks/ (default: "default")
 *   ?slides=<param>   a deck in the URL (src/present/deckUrl.ts)
 *   ?slide=<n>        the slide shown, from 1
 *   ?notes=1          the speaker-notes window
 */
import { startPage, settleView } from './shell.ts';
import { loadAtlas, LoadError } from '../data/load.ts';
import { loadCharts, CHART_IDS } from '../charts/registry.ts';
import { loadBaseGeometry } from '../map/geo.ts';
import { showNotice } from '../ui/notice.ts';
import { withRetry } from '../ui/loader.ts';
import { t, type Lang } from '../i18n/index.ts';
import { ps } from '../present/strings.ts';
import { parseSlides, type UrlSlide } from '../present/deckUrl.ts';
import { isDeckId, type Deck } from '../present/schema.ts';
import { loadDeckFile, fromDeck, fromUrlSlides, type ResolvedDeck } from '../present/deck.ts';
import { knownIds } from '../present/validate.ts';
import { presentContext } from '../present/context.ts';
import { createSlideMap } from '../present/slideMap.ts';
import { startPresenter, deckSearch } from '../present/presenter.ts';
import { renderNotes } from '../present/notes.ts';
import { createKeyMap } from '../present/keys.ts';
import { createSync, sameDeck, type DeckRef } from '../present/sync.ts';
import { h } from '../ui/dom.ts';
import { isSingleFile } from '../state/pages.ts';
import { saveMeetingFile } from '../present/meetingFile.ts';
import '../styles/present.css';

const OWN_KEYS = new Set(['deck', 'slides', 'slide', 'notes']);
const { view, ignored, status } = startPage(window, OWN_KEYS);
const lang = view.lang;
const params = new URLSearchParams(location.search);
const notesMode = params.get('notes') === '1';
const $ = (id: string) => document.getElementById(id)!;
const notices = $('notices');
const root = $('root');
document.title = ps(lang, notesMode ? 'present.notes.title' : 'present.title');
if (notesMode) document.body.classList.add('page-notes');

type Loaded = { ref: DeckRef; file: Deck | null; url: UrlSlide[] | null; problems: string[] };

/** The deck the URL asks for; an unreadable one is reported and the default deck shown instead. */
async function loadDeck(): Promise<Loaded> {
  const problems: string[] = [];
  const slides = params.get('slides');
  if (slides != null) {
    const parsed = parseSlides(slides);
    if (parsed.kind === 'valid') return { ref: { kind: 'url', param: slides }, file: null, url: parsed.slides, problems };
    problems.push(ps(lang, 'present.deck.badUrl', { reason: parsed.reason }));
  }
  let id = params.get('deck') ?? 'default';
  if (!isDeckId(id)) {
    problems.push(ps(lang, 'present.deck.missing', { id: id.slice(0, 40) }));
    id = 'default';
  }
  try {
    return { ref: { kind: 'file', id }, file: await loadDeckFile(id), url: null, problems };
  } catch (err) {
    if (id === 'default' || !(err instanceof LoadError) || err.failure.kind !== 'http') throw err;
    problems.push(ps(lang, 'present.deck.missing', { id }));
    return { ref: { kind: 'file', id: 'default' }, file: await loadDeckFile('default'), url: null, problems };
  }
}

// Every chart's code too: a deck may show any of them, and the overview and handout draw every slide.
withRetry($('load-status'), lang, () => Promise.all([loadAtlas(), loadBaseGeometry(), loadDeck(), loadCharts(CHART_IDS, lang)])).then(async ([atlas, geo, loaded]) => {
  settleView(atlas, view, ignored, notices);
  const known = knownIds(atlas);
  const deck: ResolvedDeck = loaded.file ? fromDeck(loaded.file, lang, known) : fromUrlSlides(loaded.url!, ps(lang, 'present.deck.yours'), lang, known);
  const problems = [...loaded.problems];
  deck.slides.forEach((s, i) => {
    if (s.problems.length) problems.push(ps(lang, 'present.deck.slideProblems', { n: i + 1, list: s.problems.join('; ') }));
  });
  for (const p of problems) showNotice(notices, p, t(lang, 'notice.dismiss'));
  const slideParam = Number(params.get('slide') ?? '1');
  const start = Number.isInteger(slideParam) && slideParam >= 1 ? Math.min(slideParam, deck.slides.length) - 1 : 0;
  if (notesMode) return startNotes(deck, loaded.ref, start, lang);
  const pc = presentContext(atlas, geo, lang);
  const map = await createSlideMap(pc, status, () => showNotice(notices, t(lang, 'map.contextlost'), t(lang, 'notice.dismiss'), 'info'));
  startPresenter({ root, notices, pc, deck, ref: loaded.ref, start, status, map });
  addSaveButton(deck.title);
});

/** "Save as offline presentation file" in the bar (not inside a file that is already one). */
function addSaveButton(title: string): void {
  if (isSingleFile()) return;
  const bar = root.querySelector('.present-bar');
  const save = h(
    'button',
    {
      type: 'button',
      class: 'bar-btn save-offline-btn',
      title: t(lang, 'present.saveOffline.title'),
      onclick: () => {
        save.setAttribute('disabled', '');
        saveMeetingFile(location.search, title)
          .catch((err: unknown) => showNotice(notices, t(lang, 'present.saveOffline.failed', { detail: err instanceof Error ? err.message : String(err) }), t(lang, 'notice.dismiss')))
          .finally(() => save.removeAttribute('disabled'));
      },
    },
    t(lang, 'present.saveOffline'),
  );
  bar?.insertBefore(save, bar.querySelector('.lang-switch'));
}

/** The notes window follows the main window; its keys move the main window (which then tells it where it is). */
function startNotes(deck: ResolvedDeck, ref: DeckRef, start: number, l: Lang): void {
  let index = start;
  const show = (i: number) => {
    index = i;
    renderNotes(root, deck, index, l);
    history.replaceState(null, '', location.pathname + deckSearch(location.search, ref, index));
  };
  const sync = createSync((msg) => {
    if (msg.type !== 'state') return;
    // The main window moved to another deck (it was edited): follow it.
    if (!sameDeck(msg.deck, ref)) return location.replace(location.pathname + deckSearch(location.search, msg.deck, msg.slide));
    if (msg.slide >= 0 && msg.slide < deck.slides.length) show(msg.slide);
  });
  const keys = createKeyMap();
  document.addEventListener('keydown', (e) => {
    const a = keys.handle(e);
    if (!a) return;
    const last = deck.slides.length - 1;
    const to = a.kind === 'next' ? index + 1 : a.kind === 'prev' ? index - 1 : a.kind === 'first' ? 0 : a.kind === 'last' ? last : a.kind === 'goto' ? a.n - 1 : null;
    if (to == null) return;
    e.preventDefault();
    sync.post({ type: 'goto', deck: ref, slide: Math.min(Math.max(0, to), last) });
  });
  show(index);
  sync.post({ type: 'hello', deck: ref });
  status.ready = true;
}
