/** The limits and vocabularies of a deck, apart from its schema (schema.ts), for pages that only read them. */
export const DECK_VERSION = 1;
export const LAYOUTS = ['map', 'chart', 'split'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const SLIDE_KINDS = ['view', 'sources'] as const;
export const MAX_SLIDES = 60;
export const MAX_HEADLINE = 140;
export const MAX_TEXT = 400;
export const MAX_NOTES = 2000;
export const MAX_VIEW = 600;
