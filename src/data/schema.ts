/**
 * The one schema of Cluster Atlas data. The data build (scripts/build-data.ts) parses the curated CSV
 * files with these record schemas. The pages check public/data/atlas.json against the shape these
 * schemas give (shape.ts, kept equal by shape.test.ts) without loading them; a user's imported table is
 * checked with these schemas themselves (userLayer.ts, loaded on use).
 * Each field accepts its CSV form (strings, '' for absent) and its JSON form (numbers, null).
 */
import { z } from 'zod/mini';
import { ATLAS_VERSION, REGION_IDS, GRADES, PRECISIONS, COMPARATORS, STAGES, YEAR_STATUSES, COVERAGES } from './constants.ts';

export * from './constants.ts';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const numeric = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
};
/** Prepare a raw value (a CSV cell or a JSON value) before the schema checks it. */
const pre = <T extends z.core.$ZodType>(fn: (v: unknown) => unknown, schema: T): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T> =>
  z.pipe(z.transform(fn), schema as unknown as z.core.$ZodType<unknown, unknown>) as unknown as z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T>;

export const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lowercase letters, digits and "-"'));
export const adcode = z.string().check(z.regex(/^[1-9]\d{5}$/, 'a 6-digit administrative code'));
const text = z.string().check(z.trim(), z.minLength(1, 'required'));
const optText = pre(blankToNull, z.nullable(z.string()));
const optAdcode = pre(blankToNull, z.nullable(adcode));
const optId = pre(blankToNull, z.nullable(id));
const num = pre(numeric, z.number({ error: 'a plain decimal number' }));
const optNum = pre((v) => numeric(blankToNull(v)), z.nullable(z.number({ error: 'a plain decimal number or empty' })));
const yearNumber = z.int({ error: 'a 4-digit year' }).check(z.gte(1949, 'a year from 1949'), z.lte(2100, 'a year up to 2100'));
const year = pre(numeric, yearNumber);
const optYear = pre((v) => numeric(blankToNull(v)), z.nullable(yearNumber));
const date = pre(blankToNull, z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD'))));
const bool = pre((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'true or false' }));
const idList = pre((v) => (typeof v === 'string' ? (v.trim() === '' ? [] : v.split(';').map((s) => s.trim())) : v), z.array(id));

export const regionId = z.enum(REGION_IDS);

export const regionRow = z.object({
  adcode,
  name_zh: text,
  name_en: text,
  region: z.enum([...REGION_IDS, 'none']),
});

export const sourceRow = z.object({
  id,
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'report', 'press', 'dataset']),
  grade: z.enum(GRADES),
  issuer_zh: text,
  issuer_en: text,
  title_zh: text,
  title_en: text,
  doc_number: optText,
  doc_number_status: z.enum(['stated', 'confirmed', 'illegible', 'none']),
  date,
  date_status: z.enum(['stated', 'confirmed', 'illegible', 'none']),
  province_adcode: optAdcode,
  seed_file: optText,
  /** The original publisher's own address, where known. */
  url: optText,
  /** Where the text was actually read (a reprint, an archive), kept apart from the original. */
  read_at: optText,
  /** The host of read_at, or of the outlet the text was copied from, named for readers. */
  read_at_name_zh: optText,
  read_at_name_en: optText,
  notes_zh: optText,
  notes_en: optText,
});

/** A programme is a layer of the atlas: a national list, or the local plans and policy texts. */
export const programmeRow = z.object({
  id,
  name_zh: text,
  name_en: text,
  short_zh: text,
  short_en: text,
  level: z.enum(['national', 'local']),
  issuer_zh: text,
  issuer_en: text,
  /** Shown by default (the national picture). */
  default_on: bool,
  description_zh: optText,
  description_en: optText,
});

/**
 * A batch: one designation (a national list's round) or one local document. Its official count is what
 * the issuer says it designated; rows found are counted from clusters.csv, and the completeness note says
 * why they differ.
 */
export const batchRow = z.object({
  id,
  programme: id,
  name_zh: text,
  name_en: text,
  date,
  /** The year the batch is placed at on the time axis (its designation or document year); empty when unknown. */
  year: optYear,
  source_id: id,
  /** Clusters the issuer says this batch designated; empty when the source states no count. */
  official_count: optNum,
  /** The cumulative official total after this batch, where the issuer states it. */
  cumulative_count: optNum,
  completeness_zh: optText,
  completeness_en: optText,
  notes_zh: optText,
  notes_en: optText,
});

export const sectorRow = z.object({
  id,
  name_zh: text,
  name_en: text,
  description_zh: optText,
  description_en: optText,
});

export const metricRow = z.object({
  id,
  name_zh: text,
  name_en: text,
  unit: text,
  description_zh: optText,
  description_en: optText,
  mappable: bool,
});

const sectionFields = {
  source_id: id,
  section_zh: text,
  section_en: text,
};

export const groupRow = z.object({
  id,
  name_zh: text,
  name_en: text,
  level: z.enum(['city', 'province', 'region', 'nation']),
  province_adcode: optAdcode,
  prefecture_adcode: optAdcode,
  members: idList,
  batch: id,
  ...sectionFields,
  notes_zh: optText,
  notes_en: optText,
});

export const clusterRow = z.object({
  id,
  name_zh: text,
  name_en: text,
  sector: id,
  industry_zh: optText,
  industry_en: optText,
  parent_id: optId,
  status: id,
  dev_stage: optText,
  province_adcode: adcode,
  prefecture_adcode: optAdcode,
  /** The designation or document that names the cluster; its programme is the cluster's layer. */
  batch: id,
  ...sectionFields,
  notes_zh: optText,
  notes_en: optText,
});

export const siteRow = z.object({
  id,
  cluster_id: id,
  place_zh: text,
  place_en: text,
  adcode,
  precision: z.enum(PRECISIONS),
  lon: pre(numeric, z.number({ error: 'a longitude in degrees' }).check(z.gte(73, 'a longitude inside China (73–136°E)'), z.lte(136, 'a longitude inside China (73–136°E)'))),
  lat: pre(numeric, z.number({ error: 'a latitude in degrees' }).check(z.gte(3, 'a latitude inside China (3–54°N)'), z.lte(54, 'a latitude inside China (3–54°N)'))),
  coord_source: text,
  ...sectionFields,
  notes_zh: optText,
  notes_en: optText,
});

export const figureRow = z.object({
  id,
  subject_type: z.enum(['cluster', 'group', 'province', 'region', 'nation']),
  subject_id: text,
  /** total: the figure is about the subject as a whole; each: it holds for each member (each cluster of a group, each county of a province) and must never be summed. */
  scope: z.enum(['total', 'each']),
  /** What part of the subject the figure covers, as the source words it: the cluster as a whole, its lead industries only (主导产业), or not said (null). */
  coverage: pre(blankToNull, z.nullable(z.enum(COVERAGES))),
  metric: id,
  comparator: z.enum(COMPARATORS),
  value: optNum,
  value_max: optNum,
  value_status: z.enum(['stated', 'illegible']),
  unit: text,
  kind: z.enum(['actual', 'target']),
  stage: z.enum(STAGES),
  year: optYear,
  year_status: z.enum(YEAR_STATUSES),
  year_source_id: optId,
  batch: id,
  ...sectionFields,
  note_zh: optText,
  note_en: optText,
});

export const gdpRow = z.object({ adcode, year, value: num });

/**
 * A plan's target set beside a later outcome. Metric, unit and years are checked from the figures; whether
 * the two measure the same set of clusters is a curatorial judgement, recorded with why.
 */
export const comparisonRow = z.object({
  id,
  target_id: id,
  outcome_id: id,
  /** Do target and outcome cover the same clusters (same list, same count)? */
  scope_match: bool,
  note_zh: optText,
  note_en: optText,
});
export type ComparisonRow = z.infer<typeof comparisonRow>;

export type RegionRow = z.infer<typeof regionRow>;
export type SourceRow = z.infer<typeof sourceRow>;
export type SectorRow = z.infer<typeof sectorRow>;
export type MetricRow = z.infer<typeof metricRow>;
export type GroupRow = z.infer<typeof groupRow>;
export type ClusterRow = z.infer<typeof clusterRow>;
export type SiteRow = z.infer<typeof siteRow>;
export type FigureRow = z.infer<typeof figureRow>;
export type GdpRow = z.infer<typeof gdpRow>;
export type ProgrammeRow = z.infer<typeof programmeRow>;
export type BatchRow = z.infer<typeof batchRow>;

/** The tables of the dataset, keyed by file name under data/. */
export const TABLES = {
  'regions.csv': regionRow,
  'sources.csv': sourceRow,
  'programmes.csv': programmeRow,
  'batches.csv': batchRow,
  'sectors.csv': sectorRow,
  'metrics.csv': metricRow,
  'groups.csv': groupRow,
  'clusters.csv': clusterRow,
  'sites.csv': siteRow,
  'figures.csv': figureRow,
  'comparisons.csv': comparisonRow,
  'context/province-gdp.csv': gdpRow,
} as const;

/** The bundle the site loads: public/data/atlas.json. */
export const atlasSchema = z.object({
  version: z.literal(ATLAS_VERSION, { error: `version ${ATLAS_VERSION}` }),
  regions: z.array(regionRow),
  sources: z.array(sourceRow),
  programmes: z.array(programmeRow),
  batches: z.array(batchRow),
  sectors: z.array(sectorRow),
  metrics: z.array(metricRow),
  groups: z.array(groupRow),
  clusters: z.array(clusterRow),
  sites: z.array(siteRow),
  figures: z.array(figureRow),
  comparisons: z.array(comparisonRow),
  gdp: z.object({ source_id: id, years: z.array(year), series: z.record(adcode, z.array(z.nullable(z.number()))) }),
  /** Short Chinese names of provinces and prefecture-level units (regions.csv, data/geo/prefectures.topo.json): a cluster's place in its label. */
  places: z.optional(z.record(adcode, text)),
});
export type Atlas = z.infer<typeof atlasSchema>;
