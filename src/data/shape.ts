/**
 * The shape of atlas.json as the pages check it: each table a list of records, each field of its type
 * (s string, n number, b boolean, a list; "?" also null). The data build checks every value against
 * schema.ts (ids, enums, codes, ranges) and writes nothing when one fails; the pages check types, which
 * catches a stale, hand-edited or foreign file, without loading the schema library. shape.test.ts keeps
 * this table equal to schema.ts.
 */
import { ATLAS_VERSION } from './constants.ts';

export const ROW_SHAPES = {
  regions: 'adcode:s name_zh:s name_en:s region:s',
  sources: 'id:s level:s grade:s issuer_zh:s issuer_en:s title_zh:s title_en:s doc_number:s? doc_number_status:s date:s? date_status:s province_adcode:s? seed_file:s? url:s? read_at:s? read_at_name_zh:s? read_at_name_en:s? notes_zh:s? notes_en:s?',
  programmes: 'id:s name_zh:s name_en:s short_zh:s short_en:s level:s issuer_zh:s issuer_en:s default_on:b description_zh:s? description_en:s?',
  batches: 'id:s programme:s name_zh:s name_en:s date:s? year:n? source_id:s official_count:n? cumulative_count:n? completeness_zh:s? completeness_en:s? notes_zh:s? notes_en:s?',
  sectors: 'id:s name_zh:s name_en:s description_zh:s? description_en:s?',
  metrics: 'id:s name_zh:s name_en:s unit:s description_zh:s? description_en:s? mappable:b',
  groups: 'id:s name_zh:s name_en:s level:s province_adcode:s? prefecture_adcode:s? members:a batch:s source_id:s section_zh:s section_en:s notes_zh:s? notes_en:s?',
  clusters: 'id:s name_zh:s name_en:s sector:s industry_zh:s? industry_en:s? parent_id:s? status:s dev_stage:s? province_adcode:s prefecture_adcode:s? batch:s source_id:s section_zh:s section_en:s notes_zh:s? notes_en:s?',
  sites: 'id:s cluster_id:s place_zh:s place_en:s adcode:s precision:s lon:n lat:n coord_source:s source_id:s section_zh:s section_en:s notes_zh:s? notes_en:s?',
  figures: 'id:s subject_type:s subject_id:s scope:s coverage:s? metric:s comparator:s value:n? value_max:n? value_status:s unit:s kind:s stage:s year:n? year_status:s year_source_id:s? batch:s source_id:s section_zh:s section_en:s note_zh:s? note_en:s?',
  comparisons: 'id:s target_id:s outcome_id:s scope_match:b note_zh:s? note_en:s?',
} as const;
export type TableKey = keyof typeof ROW_SHAPES;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPE: Record<string, (v: unknown) => boolean> = {
  s: (v) => typeof v === 'string',
  n: (v) => typeof v === 'number' && Number.isFinite(v),
  b: (v) => typeof v === 'boolean',
  a: (v) => Array.isArray(v),
};
const WORD: Record<string, string> = { s: 'text', n: 'a number', b: 'true or false', a: 'a list' };

/** Parsed field lists, once. */
const fields = new Map<string, [string, string, boolean][]>(
  Object.entries(ROW_SHAPES).map(([table, spec]) => [table, spec.split(' ').map((f) => {
    const [name, type] = f.split(':') as [string, string];
    return [name, type.replace('?', ''), type.endsWith('?')];
  })]),
);

/** The first place where `json` is not an atlas of this version ("path: what was expected"), or null. */
export function atlasShapeError(json: unknown): string | null {
  if (!isObject(json)) return '(root): an object expected';
  if (json['version'] !== ATLAS_VERSION) return `version: version ${ATLAS_VERSION} expected`;
  for (const [table, spec] of fields) {
    const rows = json[table];
    if (!Array.isArray(rows)) return `${table}: a list expected`;
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (!isObject(row)) return `${table}.${i}: a record expected`;
      for (const [name, type, nullable] of spec) {
        const v = row[name];
        if (nullable && (v === null || v === undefined)) continue;
        if (!TYPE[type]!(v)) return `${table}.${i}.${name}: ${WORD[type]}${nullable ? ' or empty' : ''} expected`;
      }
    }
  }
  const gdp = json['gdp'];
  if (!isObject(gdp) || !Array.isArray(gdp['years']) || !isObject(gdp['series'])) return 'gdp: years and series expected';
  if (json['places'] !== undefined && !isObject(json['places'])) return 'places: a record expected';
  return null;
}
