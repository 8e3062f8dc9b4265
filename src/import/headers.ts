/**
 * Which column is what: recognisable headers (Chinese or English, with a unit in brackets) are mapped to
 * the fields the atlas understands; the user can change any of them by hand in the mapping step.
 */
import type { MetricRow } from '../data/schema.ts';

export const FIELDS = ['name', 'name_en', 'place', 'province', 'prefecture', 'county', 'adcode', 'value', 'metric', 'unit', 'year', 'stage', 'sector', 'industry', 'note', 'source'] as const;
export type Field = (typeof FIELDS)[number];

/** What a column is: a field (a value column also names its metric and unit when the header does), or ignored. */
export interface ColumnMap {
  field: Field | null;
  /** For a value column: the metric its header names (产值 → output), or null when rows or a default say. */
  metric: string | null;
  /** The unit written in the header's brackets, as written (亿元, 万元), or null. */
  unit: string | null;
}

const SYNONYMS: Record<Exclude<Field, 'value'>, string[]> = {
  name: ['集群名称', '集群', '名称', '产业集群', '产业集群名称', '集群名', 'cluster', 'clustername', 'name', 'namezh'],
  name_en: ['英文名称', '英文名', 'nameen', 'englishname'],
  place: ['所在地', '所在地区', '地区', '地点', '位置', '地址', '区域', '所在区域', 'place', 'location', 'area'],
  province: ['省', '省份', '所在省份', '省区市', '省级', 'province'],
  prefecture: ['市', '城市', '地市', '所在城市', '地级市', '市州', 'city', 'prefecture'],
  county: ['县', '区县', '县区', '县市区', '县（市、区）', '所在县区', '县级', 'county', 'district'],
  adcode: ['行政区划代码', '区划代码', '行政代码', '代码', 'adcode', 'code', 'divisioncode'],
  metric: ['指标', '指标名称', 'metric', 'indicator'],
  unit: ['单位', '计量单位', 'unit'],
  year: ['年份', '年度', '年', '统计年份', '数据年份', 'year'],
  stage: ['阶段', '类型', '数据类型', '实际或目标', '实际/目标', '性质', '口径', 'stage', 'kind', 'type'],
  sector: ['行业', '产业', '领域', '行业类别', '产业类别', '所属行业', '门类', 'sector'],
  industry: ['主导产业', '细分产业', '主营产品', '主要产品', '产品', '细分行业', 'industry', 'products'],
  note: ['备注', '说明', '注释', 'note', 'notes', 'remark', 'remarks'],
  source: ['来源', '资料来源', '数据来源', '出处', 'source'],
};

/** Headers that name a metric (beyond the metric's own id and names in metrics.csv). */
const METRIC_SYNONYMS: Record<string, string[]> = {
  output: ['产值', '总产值', '工业总产值', '工业产值', '规上工业产值', 'output', 'grossoutput'],
  sales: ['营业收入', '销售收入', '主营业务收入', '营收', '收入', 'sales', 'revenue'],
  'value-added': ['增加值', '工业增加值', 'valueadded'],
  'profit-tax': ['利税', '利税总额', 'profitandtax'],
  firms: ['企业数', '企业数量', '企业', '企业家数', 'firms'],
  employees: ['从业人员', '就业人数', '从业人数', '职工人数', 'employees', 'jobs'],
};
const GENERIC_VALUE = ['数值', '值', '数', '数据', '金额', '规模', 'value', 'amount'];

/** Lower case, no spaces, full-width brackets as ASCII; the unit in brackets split off. */
export function normalizeHeader(raw: string): { key: string; unit: string | null } {
  const s = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '');
  const m = /^(.*?)[(\[]([^)\]]*)[)\]]$/.exec(s);
  if (m && m[1]) return { key: m[1], unit: m[2] || null };
  return { key: s, unit: null };
}

const norm = (s: string) => normalizeHeader(s).key;

export function mapHeader(raw: string, metrics: readonly Pick<MetricRow, 'id' | 'name_zh' | 'name_en'>[]): ColumnMap {
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
  const table: Record<string, Record<string, number>> = {
    亿元: { 亿: 1, 万元: 1e-4, 万: 1e-4, 元: 1e-8, '100myuan': 1, '100millionyuan': 1, rmb100m: 1, billionyuan: 10, '10kyuan': 1e-4, yuan: 1e-8 },
    persons: { 人: 1, 万人: 1e4, people: 1 },
    firms: { 家: 1, 个: 1, 户: 1, firms: 1 },
    count: { 个: 1, 家: 1, 项: 1 },
    '%': { 百分比: 1 },
  };
  return table[metricUnit]?.[u] ?? null;
}
