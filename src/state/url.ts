/**
 * The URL is the view state. Each parameter parses to valid | invalid | missing; invalid and unknown
 * parameters are reported (and shown to the viewer), never fatal. Only values that differ from the
 * defaults are written back.
 */
import type { Lang } from '../i18n/index.ts';
import { REGION_IDS, type RegionId } from '../data/schema.ts';

export interface ViewState {
  lang: Lang;
  /** Regions shown; all four by default. */
  regions: RegionId[];
}

export const DEFAULT_VIEW: ViewState = { lang: 'zh', regions: [...REGION_IDS] };

export type Parsed<T> = { kind: 'valid'; value: T } | { kind: 'invalid'; reason: string } | { kind: 'missing' };

export interface Ignored {
  key: string;
  value: string;
  reason: string;
}

interface Param<K extends keyof ViewState> {
  key: K;
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

/** URL key → parameter. `region` is the key in the URL for the regions list. */
const PARAMS: Record<string, Param<keyof ViewState>> = {
  lang: langParam as Param<keyof ViewState>,
  region: regionParam as Param<keyof ViewState>,
};

export function parseView(search: string, defaults: ViewState = DEFAULT_VIEW): { view: ViewState; ignored: Ignored[] } {
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
    const short = value.length > 40 ? value.slice(0, 40) + '…' : value;
    const param = PARAMS[key];
    if (!param) {
      ignored.push({ key, value: short, reason: 'unknown parameter' });
      continue;
    }
    if (seen.has(key)) {
      ignored.push({ key, value: short, reason: 'repeated parameter' });
      continue;
    }
    if (value.length > MAX_VALUE) {
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
