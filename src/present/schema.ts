/**
 * The deck format (data/decks/*.json), shared by the data build and the present page. A deck is a list
 * of slides; a slide is a saved view (the same query string as the explore page) plus a headline, an
 * optional short text and speaker notes, each in zh and en. See README.md in this folder.
 */
import { z } from 'zod';

import { DECK_VERSION, LAYOUTS, SLIDE_KINDS, MAX_SLIDES, MAX_HEADLINE, MAX_TEXT, MAX_NOTES, MAX_VIEW } from './constants.ts';

export * from './constants.ts';

const deckId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id: lowercase letters, digits and "-"');
const localized = (max: number) =>
  z.object({ zh: z.string().trim().min(1, 'required').max(max, `at most ${max} characters`), en: z.string().trim().min(1, 'required').max(max, `at most ${max} characters`) }).strict();

/** "?region=east&tab=ranking" or "" (the default view). */
export const viewQuery = z
  .string()
  .max(MAX_VIEW, `at most ${MAX_VIEW} characters`)
  .regex(/^(\?[^#\s]*)?$/, 'a view query string starting with "?" (or empty), no spaces or "#"');

export const slideSchema = z
  .object({
    kind: z.enum(SLIDE_KINDS, { error: SLIDE_KINDS.join(' | ') }).default('view'),
    view: viewQuery.default(''),
    /** What the slide shows; by default the map for tab=list and the chart for the other tabs. */
    layout: z.enum(LAYOUTS, { error: LAYOUTS.join(' | ') }).optional(),
    headline: localized(MAX_HEADLINE),
    text: localized(MAX_TEXT).optional(),
    notes: localized(MAX_NOTES).optional(),
  })
  .strict();

export const deckSchema = z
  .object({
    version: z.literal(DECK_VERSION, { error: `version ${DECK_VERSION}` }),
    id: deckId,
    title: localized(MAX_HEADLINE),
    slides: z.array(slideSchema).min(1, 'at least one slide').max(MAX_SLIDES, `at most ${MAX_SLIDES} slides`),
  })
  .strict();

export type Localized = { zh: string; en: string };
export type Slide = z.infer<typeof slideSchema>;
export type Deck = z.infer<typeof deckSchema>;

export function isDeckId(s: string): boolean {
  return deckId.safeParse(s).success;
}
