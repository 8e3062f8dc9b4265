/** Decks as the page uses them: loaded (file or URL), each slide's view parsed and checked against the data. */
import { fetchJson, LoadError } from '../data/load.ts';
import { parseView, reconcileView, DEFAULT_VIEW, type ViewState } from '../state/url.ts';
import type { Lang } from '../i18n/index.ts';
import { deckSchema, type Deck, type Layout } from './schema.ts';
import { SOURCES_VIEW, type UrlSlide } from './deckUrl.ts';
import type { KnownIds } from './validate.ts';

export interface ResolvedSlide {
  kind: 'view' | 'sources';
  /** The view query as written in the deck ("" for the default view and for the sources slide). */
  query: string;
  view: ViewState;
  layout: Layout;
  headline: string;
  text: string | null;
  notes: string | null;
  /** Parameters of the view that were ignored (reported once on the page). */
  problems: string[];
}

export interface ResolvedDeck {
  title: string;
  slides: ResolvedSlide[];
}

export async function loadDeckFile(id: string): Promise<Deck> {
  const file = `decks/${id}.json`;
  const parsed = deckSchema.safeParse(await fetchJson(file));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new LoadError({ kind: 'schema', file, detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown' });
  }
  return parsed.data;
}

function resolveView(query: string, lang: Lang, known: KnownIds): { view: ViewState; problems: string[] } {
  const base = { ...DEFAULT_VIEW, lang };
  const parsed = parseView(query, base);
  const settled = reconcileView(parsed.view, known, base);
  const problems = [...parsed.ignored, ...settled.ignored].map((i) => `${i.key}=${i.value} (${i.reason})`);
  return { view: { ...settled.view, lang }, problems };
}

export function defaultLayout(view: ViewState): Layout {
  return view.tab === 'list' ? 'map' : 'chart';
}

function resolve(kind: 'view' | 'sources', query: string, layout: Layout | undefined, headline: string, text: string | null, notes: string | null, lang: Lang, known: KnownIds): ResolvedSlide {
  const { view, problems } = kind === 'sources' ? { view: { ...DEFAULT_VIEW, lang }, problems: [] } : resolveView(query, lang, known);
  return { kind, query: kind === 'sources' ? '' : query, view, layout: layout ?? defaultLayout(view), headline, text, notes, problems };
}

export function fromDeck(deck: Deck, lang: Lang, known: KnownIds): ResolvedDeck {
  return {
    title: deck.title[lang],
    slides: deck.slides.map((s) => resolve(s.kind, s.view, s.layout, s.headline[lang], s.text?.[lang] ?? null, s.notes?.[lang] ?? null, lang, known)),
  };
}

export function fromUrlSlides(slides: readonly UrlSlide[], title: string, lang: Lang, known: KnownIds): ResolvedDeck {
  return {
    title,
    slides: slides.map((s) => (s.view === SOURCES_VIEW ? resolve('sources', '', s.layout, s.headline, s.text ?? null, s.notes ?? null, lang, known) : resolve('view', s.view, s.layout, s.headline, s.text ?? null, s.notes ?? null, lang, known))),
  };
}

/** Back to the URL form (used once the deck is edited): one language, the current one. */
export function toUrlSlides(deck: ResolvedDeck): UrlSlide[] {
  return deck.slides.map((s) => {
    const out: UrlSlide = { view: s.kind === 'sources' ? SOURCES_VIEW : s.query, headline: s.headline };
    if (s.kind === 'view' && s.layout !== defaultLayout(s.view)) out.layout = s.layout;
    if (s.text) out.text = s.text;
    if (s.notes) out.notes = s.notes;
    return out;
  });
}
