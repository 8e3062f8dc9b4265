/**
 * Deck validation for the data build and the page: the zod schema first, then every slide's view is
 * parsed like a URL and its ids checked against the data. Errors name file, field and rule.
 */
import type { Atlas } from '../data/schema.ts';
import type { DataError } from '../data/validate.ts';
import { parseView, reconcileView, DEFAULT_VIEW } from '../state/url.ts';
import { deckSchema, type Deck } from './schema.ts';

export { knownIds, type KnownIds };
import { knownIds, type KnownIds } from '../state/known.ts';

/** Problems with one slide's view query: unknown or invalid parameters, ids the data does not know. */
export function viewProblems(query: string, known: KnownIds | null): { key: string; message: string }[] {
  const { view, ignored } = parseView(query);
  const out = ignored.map((i) => ({ key: i.key, message: `${i.key}=${i.value}: ${i.reason}` }));
  if (new URLSearchParams(query).has('lang')) out.push({ key: 'lang', message: 'lang is set by the presentation, not by a slide' });
  if (known) for (const i of reconcileView(view, known, DEFAULT_VIEW).ignored) out.push({ key: i.key, message: `${i.key}=${i.value}: ${i.reason}` });
  return out;
}

export function validateDeck(json: unknown, file: string, atlas: Atlas | null): { deck: Deck | null; errors: DataError[] } {
  const parsed = deckSchema.safeParse(json);
  if (!parsed.success) {
    return { deck: null, errors: parsed.error.issues.map((i) => ({ file, line: null, field: i.path.join('.') || null, message: i.message })) };
  }
  const deck = parsed.data;
  const known = atlas ? knownIds(atlas) : null;
  const errors: DataError[] = [];
  deck.slides.forEach((s, i) => {
    if (s.kind === 'sources' && s.view) errors.push({ file, line: null, field: `slides.${i}.view`, message: 'a sources slide has no view' });
    for (const p of viewProblems(s.view, known)) errors.push({ file, line: null, field: `slides.${i}.view`, message: p.message });
  });
  return { deck: errors.length ? null : deck, errors };
}
