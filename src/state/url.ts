/**
 * The URL is the view state. Each parameter parses to valid | invalid | missing; invalid and unknown
 * parameters are reported (and shown to the viewer), never fatal. Only values that differ from the
 * defaults are written back.
 */
import type { Lang } from '../i18n/index.ts';
import { REGION_IDS, VIEW_STAGES, type RegionId, type ViewStage } from '../data/constants.ts';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  lang: Lang;
  /** Regions shown; all four by default. */
  regions: RegionId[];
  /** Sector ids shown; empty = all. Checked against the data once it is loaded. */
  sectors: string[];
  /** Metric id sizing the marks; checked against the data once it is loaded. */
  metric: string;
  /** Which figure sizes the marks: each cluster's latest actual (the default) or a plan's stage. */
  stage: ViewStage;
  /** Selected cluster id, or null. */
  cluster: string | null;
  /** Map camera, or null for the initial view that fits China. */
  at: MapView | null;
  /** Colour theme: follow the system (auto), or light / dark. */
  theme: Theme;
  /** What the panel under the map shows: the cluster list or one of the charts. */
  tab: Tab;
  /** The viewer's own slide deck (present.html's `slides` format), kept in the URL so it can be shared. */
  slides: string | null;
  /** Subject of the planned-growth chart (cluster, group, province adcode, region or CN); null = chosen from the data. */
  subject: string | null;
  /** Programmes shown as layers (national lists, local plans); null = those the data marks default. */
  layers: string[] | null;
  /** Show the batches designated up to this year only (stepping through the lists); null = all. */
  until: number | null;
  /** Also show figures from low-grade sources (never summed). */
  low: boolean;
  /** The year the output-by-region chart sums; null = the year with the most figures in view. */
  year: number | null;
}

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const TABS = ['list', 'output', 'change', 'totals', 'regions', 'batches', 'ranking', 'growth', 'outcomes', 'sectors', 'context'] as const;
export type Tab = (typeof TABS)[number];

export const DEFAULT_VIEW: ViewState = { lang: 'zh', regions: [...REGION_IDS], sectors: [], metric: 'output', stage: 'latest', cluster: null, at: null, theme: 'auto', tab: 'list', subject: null, slides: null, layers: null, until: null, low: false, year: null };

export type Parsed<T> = { kind: 'valid'; value: T } | { kind: 'invalid'; reason: string } | { kind: 'missing' };

export interface Ignored {
  key: string;
  value: string;
  reason: string;
}

interface Param<K extends keyof ViewState> {
  key: K;
  /** Longest value accepted (characters); MAX_VALUE when not given. */
  max?: number;
  parse(raw: string): Parsed<ViewState[K]>;
  serialize(v: ViewState[K]): string;
  equal(a: ViewState[K], b: ViewState[K]): boolean;
}

const MAX_VALUE = 200;

const langParam: Param<'lang'> = {
  key: 'lang',
  parse: (raw) => (raw === 'zh' || raw === 'en' ? { kind: 'valid', value: raw } : { kind: 'invalid', reason: 'zh | en' }),
  serialize: (v) => v,
  equal: (a, b) => a === b,
};

const regionParam: Param<'regions'> = {
  key: 'regions',
  parse(raw) {
    const parts = raw.split(',').filter(Boolean);
    if (!parts.length) return { kind: 'invalid', reason: REGION_IDS.join(' | ') };
    const bad = parts.filter((p) => !(REGION_IDS as readonly string[]).includes(p));
    if (bad.length) return { kind: 'invalid', reason: REGION_IDS.join(' | ') };
    return { kind: 'valid', value: REGION_IDS.filter((r) => parts.includes(r)) };
  },
  serialize: (v) => v.join(','),
  equal: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
};

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

const sectorParam: Param<'sectors'> = {
  key: 'sectors',
  parse(raw) {
    const parts = [...new Set(raw.split(',').filter(Boolean))];
    if (!parts.length || parts.some((p) => !ID_RE.test(p))) return { kind: 'invalid', reason: 'sector ids separated by ","' };
    return { kind: 'valid', value: parts.sort() };
  },
  serialize: (v) => v.join(','),
  equal: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
};

const idParam = <K extends 'metric'>(key: K): Param<K> => ({
  key,
  parse: (raw) => (ID_RE.test(raw) ? { kind: 'valid', value: raw as ViewState[K] } : { kind: 'invalid', reason: 'an id' }),
  serialize: (v) => String(v),
  equal: (a, b) => a === b,
});

const stageParam: Param<'stage'> = {
  key: 'stage',
  parse: (raw) => ((VIEW_STAGES as readonly string[]).includes(raw) ? { kind: 'valid', value: raw as ViewStage } : { kind: 'invalid', reason: VIEW_STAGES.join(' | ') }),
  serialize: (v) => v,
  equal: (a, b) => a === b,
};

const clusterParam: Param<'cluster'> = {
  key: 'cluster',
  parse: (raw) => (ID_RE.test(raw) ? { kind: 'valid', value: raw } : { kind: 'invalid', reason: 'a cluster id' }),
  serialize: (v) => v ?? '',
  equal: (a, b) => a === b,
};

const atParam: Param<'at'> = {
  key: 'at',
  parse(raw) {
    const m = /^(-?\d{1,3}(?:\.\d{1,6})?),(-?\d{1,2}(?:\.\d{1,6})?),(\d{1,2}(?:\.\d{1,3})?)$/.exec(raw);
    const reason = 'longitude,latitude,zoom within China (e.g. 116.4,39.9,5)';
    if (!m) return { kind: 'invalid', reason };
    const [lon, lat, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (lon < 60 || lon > 150 || lat < 0 || lat > 60 || zoom < 1 || zoom > 12) return { kind: 'invalid', reason };
    return { kind: 'valid', value: { lon, lat, zoom } };
  },
  serialize: (v) => (v ? `${v.lon.toFixed(3)},${v.lat.toFixed(3)},${v.zoom.toFixed(2)}` : ''),
  equal: (a, b) => (a == null || b == null ? a === b : a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom),
};

const themeParam: Param<'theme'> = {
  key: 'theme',
  parse: (raw) => ((THEMES as readonly string[]).includes(raw) ? { kind: 'valid', value: raw as Theme } : { kind: 'invalid', reason: THEMES.join(' | ') }),
  serialize: (v) => v,
  equal: (a, b) => a === b,
};

const tabParam: Param<'tab'> = {
  key: 'tab',
  parse: (raw) => ((TABS as readonly string[]).includes(raw) ? { kind: 'valid', value: raw as Tab } : { kind: 'invalid', reason: TABS.join(' | ') }),
  serialize: (v) => v,
  equal: (a, b) => a === b,
};

const subjectParam: Param<'subject'> = {
  key: 'subject',
  parse: (raw) => (ID_RE.test(raw) || raw === 'CN' ? { kind: 'valid', value: raw } : { kind: 'invalid', reason: 'a cluster, group, province code, region or CN' }),
  serialize: (v) => v ?? '',
  equal: (a, b) => a === b,
};

const layersParam: Param<'layers'> = {
  key: 'layers',
  parse(raw) {
    const parts = [...new Set(raw.split(',').filter(Boolean))];
    if (!parts.length || parts.some((p) => !ID_RE.test(p))) return { kind: 'invalid', reason: 'programme ids separated by ","' };
    return { kind: 'valid', value: parts.sort() };
  },
  serialize: (v) => (v ?? []).join(','),
  equal: (a, b) => (a == null || b == null ? a === b : a.length === b.length && a.every((x, i) => x === b[i])),
};

const untilParam: Param<'until'> = {
  key: 'until',
  parse: (raw) => (/^(19|20)\d\d$/.test(raw) ? { kind: 'valid', value: Number(raw) } : { kind: 'invalid', reason: 'a year (e.g. 2022)' }),
  serialize: (v) => (v == null ? '' : String(v)),
  equal: (a, b) => a === b,
};

const yearParam: Param<'year'> = {
  key: 'year',
  parse: (raw) => (/^(19|20)\d\d$/.test(raw) ? { kind: 'valid', value: Number(raw) } : { kind: 'invalid', reason: 'a year (e.g. 2023)' }),
  serialize: (v) => (v == null ? '' : String(v)),
  equal: (a, b) => a === b,
};

const lowParam: Param<'low'> = {
  key: 'low',
  parse: (raw) => (raw === 'show' ? { kind: 'valid', value: true } : raw === 'hide' ? { kind: 'valid', value: false } : { kind: 'invalid', reason: 'show | hide' }),
  serialize: (v) => (v ? 'show' : 'hide'),
  equal: (a, b) => a === b,
};

const slidesParam: Param<'slides'> = {
  key: 'slides',
  max: 12000,
  // The deck's own format is checked where it is read (src/present/deckUrl.ts); here only its size.
  parse: (raw) => (raw.length > 0 ? { kind: 'valid', value: raw } : { kind: 'invalid', reason: 'a slide list' }),
  serialize: (v) => v ?? '',
  equal: (a, b) => a === b,
};

/** URL key → parameter. `region` and `sector` are the URL keys of the lists. */
const PARAMS: Record<string, Param<keyof ViewState>> = {
  lang: langParam as Param<keyof ViewState>,
  region: regionParam as Param<keyof ViewState>,
  sector: sectorParam as Param<keyof ViewState>,
  metric: idParam('metric') as Param<keyof ViewState>,
  stage: stageParam as Param<keyof ViewState>,
  cluster: clusterParam as Param<keyof ViewState>,
  at: atParam as Param<keyof ViewState>,
  theme: themeParam as Param<keyof ViewState>,
  tab: tabParam as Param<keyof ViewState>,
  subject: subjectParam as Param<keyof ViewState>,
  layer: layersParam as Param<keyof ViewState>,
  until: untilParam as Param<keyof ViewState>,
  low: lowParam as Param<keyof ViewState>,
  year: yearParam as Param<keyof ViewState>,
  slides: slidesParam as Param<keyof ViewState>,
};

/**
 * Second pass once the data is loaded: ids the URL could parse but the data does not know are reported
 * and replaced by the default.
 */
export function reconcileView(
  view: ViewState,
  known: { sectors: ReadonlySet<string>; metrics: ReadonlySet<string>; clusters: ReadonlySet<string>; subjects?: ReadonlySet<string>; programmes?: ReadonlySet<string> },
  defaults: ViewState = DEFAULT_VIEW,
): { view: ViewState; ignored: Ignored[] } {
  const ignored: Ignored[] = [];
  const next = { ...view };
  const unknownSectors = view.sectors.filter((s) => !known.sectors.has(s));
  if (unknownSectors.length) {
    ignored.push({ key: 'sector', value: unknownSectors.join(','), reason: 'unknown sector' });
    next.sectors = view.sectors.filter((s) => known.sectors.has(s));
  }
  if (!known.metrics.has(view.metric)) {
    ignored.push({ key: 'metric', value: view.metric, reason: 'not a metric that can size the map' });
    next.metric = defaults.metric;
  }
  if (view.cluster != null && !known.clusters.has(view.cluster)) {
    ignored.push({ key: 'cluster', value: view.cluster, reason: 'unknown cluster' });
    next.cluster = null;
  }
  if (view.layers != null && known.programmes) {
    const unknown = view.layers.filter((l) => !known.programmes!.has(l));
    if (unknown.length) {
      ignored.push({ key: 'layer', value: unknown.join(','), reason: 'unknown programme' });
      const rest = view.layers.filter((l) => known.programmes!.has(l));
      next.layers = rest.length ? rest : defaults.layers;
    }
  }
  if (view.subject != null && known.subjects && !known.subjects.has(view.subject)) {
    ignored.push({ key: 'subject', value: view.subject, reason: 'unknown subject' });
    next.subject = null;
  }
  return { view: next, ignored };
}

/** `skip`: keys another parser on the same page reads (the embed options), not reported as unknown. */
export function parseView(search: string, defaults: ViewState = DEFAULT_VIEW, skip: ReadonlySet<string> = new Set()): { view: ViewState; ignored: Ignored[] } {
  const view: ViewState = structuredClone(defaults);
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { view, ignored: [{ key: '?', value: search.slice(0, 40), reason: 'unreadable query string' }] };
  }
  for (const [key, value] of params) {
    if (skip.has(key)) continue;
    const short = value.length > 40 ? value.slice(0, 40) + '…' : value;
    // Own keys only: "__proto__" or "constructor" in a URL must not reach Object.prototype.
    const param = Object.hasOwn(PARAMS, key) ? PARAMS[key] : undefined;
    if (!param) {
      ignored.push({ key, value: short, reason: 'unknown parameter' });
      continue;
    }
    if (seen.has(key)) {
      ignored.push({ key, value: short, reason: 'repeated parameter' });
      continue;
    }
    if (value.length > (param.max ?? MAX_VALUE)) {
      ignored.push({ key, value: short, reason: 'value too long' });
      continue;
    }
    const parsed = param.parse(value);
    if (parsed.kind === 'valid') {
      // The first valid occurrence of a parameter wins; later ones are reported as repeated.
      seen.add(key);
      (view as unknown as Record<string, unknown>)[param.key] = parsed.value;
    }
    else if (parsed.kind === 'invalid') ignored.push({ key, value: short, reason: `expected ${parsed.reason}` });
  }
  return { view, ignored };
}

export function serializeView(view: ViewState, defaults: ViewState = DEFAULT_VIEW): string {
  const out = new URLSearchParams();
  for (const [key, param] of Object.entries(PARAMS)) {
    const v = view[param.key];
    if (!param.equal(v as never, defaults[param.key] as never)) out.set(key, param.serialize(v as never));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
