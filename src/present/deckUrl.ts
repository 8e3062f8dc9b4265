/**
 * A deck in the URL: present.html?slides=<deck param>. Shareable and self-contained; no server.
 *
 * Format of the `slides` value (after URLSearchParams has decoded it once):
 *
 *   slide ~ slide ~ slide …            slides separated by "~"
 *   view ! headline [! layout [! text [! notes]]]
 *
 * - view: the explore page's query string without the leading "?" (region=east&tab=ranking), or
 *   "@sources" for the sources slide; empty = the default view.
 * - headline, text, notes: plain text in the presentation's language (one language per URL deck).
 * - layout: map | chart | split, or empty for the default (map for tab=list, chart otherwise).
 * - Inside each field "%", "~" and "!" are percent-encoded (%25, %7E, %21), so a separator never
 *   occurs inside a field; fields are read back with decodeURIComponent.
 *
 * Example: slides=region%3Deast%26tab%3Dranking!East%20coast~%40sources!Sources
 * (that is region=east&tab=ranking!East coast~@sources!Sources once decoded).
 *
 * addSlide(deckParam, viewQuery, headline) is what the explore page's "add to my slides" uses.
 */
import { pageHref } from '../state/pages.ts';
import { LAYOUTS, MAX_SLIDES, MAX_HEADLINE, MAX_TEXT, MAX_NOTES, MAX_VIEW, type Layout } from './constants.ts';

export const SOURCES_VIEW = '@sources';

export interface UrlSlide {
  /** A view query string with its "?" ("?region=east"), "" for the default view, or "@sources". */
  view: string;
  headline: string;
  layout?: Layout;
  text?: string;
  notes?: string;
}

export type DeckParse = { kind: 'valid'; slides: UrlSlide[] } | { kind: 'invalid'; reason: string };

const esc = (s: string) => s.replace(/%/g, '%25').replace(/~/g, '%7E').replace(/!/g, '%21');

function unesc(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function normalizeView(view: string): string {
  if (view === SOURCES_VIEW) return view;
  const q = view.replace(/^\?/, '');
  return q ? `?${q}` : '';
}

export function serializeSlides(slides: readonly UrlSlide[]): string {
  return slides
    .map((s) => {
      const fields = [normalizeView(s.view).replace(/^\?/, ''), s.headline, s.layout ?? '', s.text ?? '', s.notes ?? ''];
      while (fields.length > 2 && !fields[fields.length - 1]) fields.pop();
      return fields.map(esc).join('!');
    })
    .join('~');
}

export function parseSlides(param: string): DeckParse {
  if (!param) return { kind: 'invalid', reason: 'no slides' };
  const items = param.split('~');
  if (items.length > MAX_SLIDES) return { kind: 'invalid', reason: `more than ${MAX_SLIDES} slides` };
  const slides: UrlSlide[] = [];
  for (const [i, item] of items.entries()) {
    const raw = item.split('!');
    if (raw.length < 2 || raw.length > 5) return { kind: 'invalid', reason: `slide ${i + 1}: expected view!headline[!layout[!text[!notes]]]` };
    const f = raw.map(unesc);
    if (f.some((x) => x == null)) return { kind: 'invalid', reason: `slide ${i + 1}: bad percent-encoding` };
    const [view, headline, layout, text, notes] = f as string[];
    if (view!.length > MAX_VIEW || /[\s#]/.test(view!)) return { kind: 'invalid', reason: `slide ${i + 1}: view not a query string` };
    const h = headline!.trim();
    if (!h || h.length > MAX_HEADLINE) return { kind: 'invalid', reason: `slide ${i + 1}: headline empty or longer than ${MAX_HEADLINE}` };
    if (layout && !(LAYOUTS as readonly string[]).includes(layout)) return { kind: 'invalid', reason: `slide ${i + 1}: layout ${LAYOUTS.join(' | ')}` };
    if ((text?.length ?? 0) > MAX_TEXT || (notes?.length ?? 0) > MAX_NOTES) return { kind: 'invalid', reason: `slide ${i + 1}: text or notes too long` };
    const slide: UrlSlide = { view: normalizeView(view!), headline: h };
    if (layout) slide.layout = layout as Layout;
    if (text?.trim()) slide.text = text.trim();
    if (notes?.trim()) slide.notes = notes.trim();
    slides.push(slide);
  }
  return { kind: 'valid', slides };
}

/**
 * Appends a slide to a deck param (null or "" for a new deck) and returns the new deck param, ready
 * for new URLSearchParams({ slides }). An unreadable deck param is replaced, not extended.
 */
export function addSlide(deckParam: string | null, viewQuery: string, headline: string): string {
  const parsed = deckParam ? parseSlides(deckParam) : null;
  const slides = parsed?.kind === 'valid' ? parsed.slides : [];
  const title = headline.trim().slice(0, MAX_HEADLINE) || '\u2014';
  // Drop parameters a slide does not carry: the language belongs to the presentation.
  const p = new URLSearchParams(viewQuery.replace(/^\?/, ''));
  p.delete('lang');
  const q = p.toString();
  return serializeSlides([...slides, { view: q ? `?${q}` : '', headline: title }].slice(-MAX_SLIDES));
}

/** The present page's URL for a deck param: "present.html?slides=…". */
export function presentHref(deckParam: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ ...extra, slides: deckParam });
  return pageHref('present', p.toString());
}
