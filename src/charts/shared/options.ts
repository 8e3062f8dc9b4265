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
}

export interface ResolvedBase {
  width: number;
  height: number | null;
  lang: Lang;
  highlight: string | null;
  idPrefix: string;
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
  return { width, height, lang, highlight, idPrefix };
}
