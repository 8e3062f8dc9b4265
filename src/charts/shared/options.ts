/** Options every chart shares, with their defaults and validation in one place. */
import { LANGS, type Lang } from '../../i18n/index.ts';

export interface BaseOptions {
  /** Width in CSS pixels (required): the charts lay out for 320–1920 px; below 200 is refused. */
  width: number;
  /** Height in CSS pixels; by default each chart sizes itself to its content. */
  height?: number | null;
  lang?: Lang;
  /** A cluster id or region id to mark (class is-highlighted). */
  highlight?: string | null;
  /** Prefix of ids inside the SVG (patterns, title, desc), unique per chart on a page. */
  idPrefix?: string;
  /**
   * The smallest type in the chart's own px (default 0: the site's sizes, 10–13 px). A slide asks for
   * the body size, 12, and draws the chart larger: every smaller label comes up to it.
   */
  minFont?: number | null;
  /**
   * Laid out for a fixed room, a slide's (default false: the site's layout): the chart keeps to what it
   * draws, rows as close as its type allows; long explanations go beside it (ChartParts.aside).
   */
  fit?: boolean;
  /** With `fit`: this many px more height spread over the chart's rows and gaps, to fill its room (default 0). */
  stretch?: number | null;
}

export interface ResolvedBase {
  width: number;
  height: number | null;
  lang: Lang;
  highlight: string | null;
  idPrefix: string;
  minFont: number;
  fit: boolean;
  stretch: number;
}

/** The body type size, which a slide asks every label to reach (see minFont). */
export const BODY_FONT = 12;

/**
 * The chart's type sizes: `f(n)` is a label of the site's size n as drawn (never under minFont);
 * `lh(n, step)` a line step of `step` for such labels, grown by as much as the label has grown.
 */
export function typeOf(o: { minFont: number }): { f: (n: number) => number; lh: (n: number, step: number) => number } {
  const f = (n: number) => Math.max(n, o.minFont);
  return { f, lh: (n, step) => step + f(n) - n };
}

export const MIN_WIDTH = 200;
export const MAX_WIDTH = 4000;

export const BASE_DEFAULTS = { height: null, lang: 'zh' as Lang, highlight: null } as const;

export function resolveBase(chart: string, o: BaseOptions): ResolvedBase {
  if (o == null || typeof o !== 'object') throw new Error(`${chart}: options must be an object with at least { width }`);
  const { width } = o;
  if (typeof width !== 'number' || !Number.isFinite(width)) throw new Error(`${chart}: options.width is required and must be a number of pixels (got ${String(width)})`);
  if (width < MIN_WIDTH || width > MAX_WIDTH) throw new Error(`${chart}: options.width must be between ${MIN_WIDTH} and ${MAX_WIDTH} px (got ${width})`);
  const height = o.height ?? BASE_DEFAULTS.height;
  if (height != null && (!Number.isFinite(height) || height < 120 || height > 6000)) throw new Error(`${chart}: options.height must be between 120 and 6000 px (got ${height})`);
  const lang = o.lang ?? BASE_DEFAULTS.lang;
  if (!LANGS.includes(lang)) throw new Error(`${chart}: options.lang must be one of ${LANGS.join(', ')} (got ${String(lang)})`);
  const idPrefix = o.idPrefix ?? `ca-${chart}`;
  if (!/^[a-z][a-z0-9-]*$/.test(idPrefix)) throw new Error(`${chart}: options.idPrefix must be lowercase letters, digits and "-" (got ${idPrefix})`);
  const highlight = o.highlight ?? BASE_DEFAULTS.highlight;
  if (highlight != null && typeof highlight !== 'string') throw new Error(`${chart}: options.highlight must be a cluster or region id`);
  const minFont = o.minFont ?? 0;
  if (!Number.isFinite(minFont) || minFont < 0 || minFont > 40) throw new Error(`${chart}: options.minFont must be between 0 and 40 px (got ${minFont})`);
  const fit = o.fit ?? false;
  const stretch = fit ? Math.max(0, o.stretch ?? 0) : 0;
  if (!Number.isFinite(stretch)) throw new Error(`${chart}: options.stretch must be a number of px (got ${o.stretch})`);
  return { width, height, lang, highlight, idPrefix, minFont, fit, stretch };
}
