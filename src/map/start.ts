/**
 * Why the WebGL map did not start, in words a reader can act on. Every start failure (no WebGL, the
 * worker script refused, the style failing, the context lost later) hands over to the SVG map, and the
 * notice names the real cause instead of blaming WebGL for all of them.
 */
import { t, type Lang } from '../i18n/index.ts';

export type MapFailure =
  | { reason: 'nowebgl' }
  | { reason: 'contextlost' }
  | { reason: 'worker'; detail: string }
  | { reason: 'style'; detail: string }
  | { reason: 'other'; detail: string };

const message = (err: unknown): string => (err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err) ?? String(err));

/** Sorts an error from maplibre's start-up into a cause. */
export function classifyMapError(err: unknown): MapFailure {
  const detail = message(err).slice(0, 300);
  if (/worker/i.test(detail)) return { reason: 'worker', detail };
  if (/webgl|context/i.test(detail)) return { reason: 'nowebgl' };
  if (/style|source|layer|glyph|sprite/i.test(detail)) return { reason: 'style', detail };
  return { reason: 'other', detail };
}

/** The notice shown above the SVG map. */
export function mapFailureText(lang: Lang, f: MapFailure): string {
  switch (f.reason) {
    case 'nowebgl':
      return t(lang, 'map.nowebgl');
    case 'contextlost':
      return t(lang, 'map.contextlost');
    case 'worker':
      return t(lang, 'map.failed.worker', { detail: f.detail });
    case 'style':
      return t(lang, 'map.failed.style', { detail: f.detail });
    case 'other':
      return t(lang, 'map.failed.other', { detail: f.detail });
  }
}
