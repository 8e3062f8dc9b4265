/**
 * Which column is what: recognisable headers (Chinese or English, with a unit in brackets) are mapped to
 * the fields the atlas understands; the user can change any of them by hand in the mapping step.
 */
import type { MetricRow } from '../data/schema.ts';
import lexicon from './lexicon.json';

export const FIELDS = ['name', 'name_en', 'place', 'province', 'prefecture', 'county', 'adcode', 'value', 'metric', 'unit', 'year', 'stage', 'sector', 'industry', 'note', 'source'] as const;
export type Field = (typeof FIELDS)[number];

/** What a column is: a field (a value column also names its metric and unit when the header does), or ignored. */
export interface ColumnMap {
  field: Field | null;
  /** For a value column: the metric its header names (产值 → output), or null when rows or a default say. */
  metric: string | null;
  /** The unit written in the header's brackets, as written (亿元, 万元), or null. */
  unit: string | null;
  /** For a value column whose header names a year (a wide table: one column a year), that year. */
  year?: number;
}

/** A year in a header, as wide tables write it: "2023", "2023年", "2023年度", before or after the metric. */
const HEADER_YEAR = new RegExp(`(?<!\\d)((?:19|20)\\d{2})(?:\\s*(?:${lexicon.headerYearSuffix.join('|')}))?(?!\\d)`);

const SYNONYMS = lexicon.headers as Record<Exclude<Field, 'value'>, string[]>;
/** Headers that name a metric (beyond the metric's own id and names in metrics.csv). */
const METRIC_SYNONYMS: Record<string, string[]> = lexicon.metricHeaders;
const GENERIC_VALUE: string[] = lexicon.genericValue;

/** Lower case, no spaces, full-width brackets as ASCII; the unit in brackets split off. */
export function normalizeHeader(raw: string): { key: string; unit: string | null } {
  const s = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '');
  const m = /^(.*?)[(\[]([^)\]]*)[)\]]$/.exec(s);
  if (m && m[1]) return { key: m[1], unit: m[2] || null };
  return { key: s, unit: null };
}

const norm = (s: string) => normalizeHeader(s).key;

export function mapHeader(raw: string, metrics: readonly Pick<MetricRow, 'id' | 'name_zh' | 'name_en'>[]): ColumnMap {
  const y = HEADER_YEAR.exec(raw.normalize('NFKC'));
  if (y) {
    const rest = raw.normalize('NFKC').replace(y[0], ' ').trim();
    const m = rest ? mapHeader(rest, metrics) : { field: 'value' as const, metric: null, unit: null };
    if (m.field === 'value') return { ...m, year: Number(y[1]) };
  }
  const { key, unit } = normalizeHeader(raw);
  if (!key) return { field: null, metric: null, unit: null };
  for (const [field, names] of Object.entries(SYNONYMS) as [Field, string[]][]) if (names.some((n) => norm(n) === key)) return { field, metric: null, unit };
  const metric = metricOf(key, metrics);
  if (metric) return { field: 'value', metric, unit };
  if (GENERIC_VALUE.includes(key)) return { field: 'value', metric: null, unit };
  return { field: null, metric: null, unit };
}

/** A metric named by a header or a cell: its id, its names in the data, or a common synonym. */
export function metricOf(text: string, metrics: readonly Pick<MetricRow, 'id' | 'name_zh' | 'name_en'>[]): string | null {
  const key = norm(text);
  for (const m of metrics) if ([m.id, m.name_zh, m.name_en].some((n) => norm(n) === key)) return m.id;
  for (const [id, names] of Object.entries(METRIC_SYNONYMS)) if (names.includes(key) && metrics.some((m) => m.id === id)) return id;
  return null;
}

/** The mapping for a whole header row. A field other than value is taken by its first column only. */
export function mapHeaders(header: readonly string[], metrics: readonly Pick<MetricRow, 'id' | 'name_zh' | 'name_en'>[]): ColumnMap[] {
  const seen = new Set<Field>();
  return header.map((h) => {
    const m = mapHeader(h, metrics);
    if (m.field && m.field !== 'value') {
      if (seen.has(m.field)) return { field: null, metric: null, unit: m.unit };
      seen.add(m.field);
    }
    return m;
  });
}

/** Conversion of a header's unit to the metric's unit (money in 亿元, people in persons), or null when not understood. */
export function unitFactor(written: string | null, metricUnit: string): number | null {
  if (!written) return 1;
  const u = written.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (u === metricUnit) return 1;
  const table: Record<string, Record<string, number>> = lexicon.units;
  return table[metricUnit]?.[u] ?? null;
}
