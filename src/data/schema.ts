/**
 * The one schema of Cluster Atlas data. The data build (scripts/build-data.ts) parses the curated CSV
 * files with these record schemas; the site parses public/data/atlas.json with the same schemas.
 * Each field accepts its CSV form (strings, '' for absent) and its JSON form (numbers, null).
 */
import { z } from 'zod';

export const ATLAS_VERSION = 1;

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const numeric = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
};

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lowercase letters, digits and "-"');
export const adcode = z.string().regex(/^[1-9]\d{5}$/, 'a 6-digit administrative code');
const text = z.string().trim().min(1, 'required');
const optText = z.preprocess(blankToNull, z.string().nullable());
const optAdcode = z.preprocess(blankToNull, adcode.nullable());
const optId = z.preprocess(blankToNull, id.nullable());
const num = z.preprocess(numeric, z.number({ error: 'a plain decimal number' }).finite());
const optNum = z.preprocess((v) => numeric(blankToNull(v)), z.number({ error: 'a plain decimal number or empty' }).finite().nullable());
const year = z.preprocess(
  numeric,
  z.number({ error: 'a 4-digit year' }).int('a 4-digit year').min(1949, 'a year from 1949').max(2100, 'a year up to 2100'),
);
const optYear = z.preprocess((v) => numeric(blankToNull(v)), year.nullable());
const date = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
);
const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'true or false' }));
const idList = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? [] : v.split(';').map((s) => s.trim())) : v),
  z.array(id),
);

export const REGION_IDS = ['east', 'central', 'west', 'northeast'] as const;
export const regionId = z.enum(REGION_IDS);
export type RegionId = z.infer<typeof regionId>;

export const regionRow = z.object({
  adcode,
  name_zh: text,
  name_en: text,
  region: z.enum([...REGION_IDS, 'none']),
});

export const sourceRow = z.object({
  id,
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'report', 'press', 'dataset']),
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
  url: optText,
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
  ...sectionFields,
  notes_zh: optText,
  notes_en: optText,
});

export const PRECISIONS = ['park', 'county', 'prefecture', 'province'] as const;
export const siteRow = z.object({
  id,
  cluster_id: id,
  place_zh: text,
  place_en: text,
  adcode,
  precision: z.enum(PRECISIONS),
  lon: z.preprocess(numeric, z.number({ error: 'a longitude in degrees' }).min(73, 'a longitude inside China (73–136°E)').max(136, 'a longitude inside China (73–136°E)')),
  lat: z.preprocess(numeric, z.number({ error: 'a latitude in degrees' }).min(3, 'a latitude inside China (3–54°N)').max(54, 'a latitude inside China (3–54°N)')),
  coord_source: text,
  ...sectionFields,
  notes_zh: optText,
  notes_en: optText,
});

export const COMPARATORS = ['=', '>=', '>', '<=', '<', '~', 'range'] as const;
export const STAGES = ['baseline', 'target-1', 'target-2', 'target-3'] as const;
export const figureRow = z.object({
  id,
  subject_type: z.enum(['cluster', 'group', 'province', 'region', 'nation']),
  subject_id: text,
  /** total: the figure is about the subject as a whole; each: it holds for each member (each cluster of a group, each county of a province) and must never be summed. */
  scope: z.enum(['total', 'each']),
  metric: id,
  comparator: z.enum(COMPARATORS),
  value: optNum,
  value_max: optNum,
  value_status: z.enum(['stated', 'illegible']),
  unit: text,
  kind: z.enum(['actual', 'target']),
  stage: z.enum(STAGES),
  year: optYear,
  year_status: z.enum(['stated', 'confirmed', 'illegible', 'none']),
  year_source_id: optId,
  ...sectionFields,
  note_zh: optText,
  note_en: optText,
});

export const gdpRow = z.object({ adcode, year, value: num });

export type RegionRow = z.infer<typeof regionRow>;
export type SourceRow = z.infer<typeof sourceRow>;
export type SectorRow = z.infer<typeof sectorRow>;
export type MetricRow = z.infer<typeof metricRow>;
export type GroupRow = z.infer<typeof groupRow>;
export type ClusterRow = z.infer<typeof clusterRow>;
export type SiteRow = z.infer<typeof siteRow>;
export type FigureRow = z.infer<typeof figureRow>;
export type GdpRow = z.infer<typeof gdpRow>;
export type Stage = (typeof STAGES)[number];
export type Precision = (typeof PRECISIONS)[number];

/** The tables of the dataset, keyed by file name under data/. */
export const TABLES = {
  'regions.csv': regionRow,
  'sources.csv': sourceRow,
  'sectors.csv': sectorRow,
  'metrics.csv': metricRow,
  'groups.csv': groupRow,
  'clusters.csv': clusterRow,
  'sites.csv': siteRow,
  'figures.csv': figureRow,
  'context/province-gdp.csv': gdpRow,
} as const;

/** The bundle the site loads: public/data/atlas.json. */
export const atlasSchema = z.object({
  version: z.literal(ATLAS_VERSION, { error: `version ${ATLAS_VERSION}` }),
  regions: z.array(regionRow),
  sources: z.array(sourceRow),
  sectors: z.array(sectorRow),
  metrics: z.array(metricRow),
  groups: z.array(groupRow),
  clusters: z.array(clusterRow),
  sites: z.array(siteRow),
  figures: z.array(figureRow),
  gdp: z.object({ source_id: id, years: z.array(year), series: z.record(adcode, z.array(z.number().nullable())) }),
});
export type Atlas = z.infer<typeof atlasSchema>;
