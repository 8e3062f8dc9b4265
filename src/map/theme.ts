/**
 * The map follows the page's theme: light or dark, as the theme switch sets it (`data-theme` on <html>)
 * or, when it is left to the system, as the system prefers.
 */
import { MAP_PALETTES, type MapPalette } from '../theme/palette.ts';

export type MapTheme = keyof typeof MAP_PALETTES;

export function pageMapTheme(doc: Document = document): MapTheme {
  const set = doc.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function pagePalette(doc: Document = document): MapPalette {
  return MAP_PALETTES[pageMapTheme(doc)];
}

/** Calls `onChange` with the new palette whenever the page's theme changes; returns the way to stop. */
export function watchMapTheme(doc: Document, onChange: (p: MapPalette, theme: MapTheme) => void): () => void {
  let last = pageMapTheme(doc);
  const check = () => {
    const now = pageMapTheme(doc);
    if (now === last) return;
    last = now;
    onChange(MAP_PALETTES[now], now);
  };
  const observer = new MutationObserver(check);
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', check);
  };
}
