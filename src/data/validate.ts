/**
 * Turns the curated CSV tables into the typed Atlas bundle, collecting every error with its file,
 * line, field and the rule broken. Pure: the caller reads the files and writes the output.
 */
import type { z } from 'zod';
import { parseCsv, CsvSyntaxError } from './csv.ts';
import { ATLAS_VERSION, TABLES, type Atlas } from './schema.ts';

export interface DataError {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export function formatError(e: DataError): string {
  const where = e.line == null ? e.file : `${e.file}:${e.line}`;
  return e.field ? `${where} field "${e.field}": ${e.message}` : `${where}: ${e.message}`;
}

type TableName = keyof typeof TABLES;
type Rows<N extends TableName> = { line: number; row: z.infer<(typeof TABLES)[N]> }[];

export interface BuildResult {
  atlas: Atlas | null;
  errors: DataError[];
}

/** files: table name → CSV text, relative to data/ (e.g. 'clusters.csv'). */
export function buildAtlas(files: Partial<Record<TableName, string>>, dataDir = 'data'): BuildResult {
  const errors: DataError[] = [];
  const tables: { [N in TableName]?: Rows<N> } = {};
  /** Ids (or adcodes) of rows that failed to parse: references to them are not reported again. */
  const broken = new Set<string>();

  for (const name of Object.keys(TABLES) as TableName[]) {
    const file = `${dataDir}/${name}`;
    const text = files[name];
    if (text === undefined) {
      errors.push({ file, line: null, field: null, message: 'file missing' });
      continue;
    }
    const rows = parseTable(name, file, text, errors, broken);
    if (rows) tables[name] = rows as never;
  }
  if (Object.values(tables).length !== Object.keys(TABLES).length) return { atlas: null, errors };

  const t = tables as { [N in TableName]: Rows<N> };
  crossCheck(t, dataDir, errors, broken);
  if (errors.length) return { atlas: null, errors };

  const byId = <T extends { id: string }>(rows: { row: T }[]) => rows.map((r) => r.row).sort((a, b) => a.id.localeCompare(b.id));
  const gdpRows = t['context/province-gdp.csv'].map((r) => r.row);
  const years = [...new Set(gdpRows.map((r) => r.year))].sort((a, b) => a - b);
  const series: Record<string, (number | null)[]> = {};
  for (const r of gdpRows) {
    const s = (series[r.adcode] ??= years.map(() => null));
    s[years.indexOf(r.year)] = r.value;
  }
  const atlas: Atlas = {
    version: ATLAS_VERSION,
    regions: t['regions.csv'].map((r) => r.row).sort((a, b) => a.adcode.localeCompare(b.adcode)),
    // The working copies' file names stay in the curated table; readers never see them.
    sources: byId(t['sources.csv']).map((s) => ({ ...s, seed_file: null })),
    programmes: t['programmes.csv'].map((r) => r.row), // curated order is the legend order
    // Time order: by year (undated batches first), then date; the layers and charts rely on it.
    batches: t['batches.csv'].map((r) => r.row).sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)),
    sectors: t['sectors.csv'].map((r) => r.row), // curated order is the legend order
    metrics: t['metrics.csv'].map((r) => r.row),
    groups: byId(t['groups.csv']),
    clusters: byId(t['clusters.csv']),
    sites: byId(t['sites.csv']),
    figures: byId(t['figures.csv']),
    comparisons: byId(t['comparisons.csv']),
    gdp: { source_id: 'nbs-gdp-kaggle', years, series },
  };
  return { atlas, errors };
}

function parseTable(name: TableName, file: string, text: string, errors: DataError[], broken: Set<string>) {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      errors.push({ file, line: e.line, field: null, message: e.message });
      return undefined;
    }
    throw e;
  }
  const schema = TABLES[name];
  const expected = Object.keys(schema.shape);
  const missing = expected.filter((c) => !table.header.includes(c));
  const unknown = table.header.filter((c) => !expected.includes(c));
  for (const c of missing) errors.push({ file, line: 1, field: c, message: 'column missing from the header' });
  for (const c of unknown) errors.push({ file, line: 1, field: c, message: `unknown column (expected: ${expected.join(', ')})` });
  if (missing.length || unknown.length) return undefined;

  const out: { line: number; row: unknown }[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      errors.push({ file, line, field: null, message: `${cells.length} fields, the header has ${table.header.length}` });
      continue;
    }
    const raw: Record<string, string> = {};
    table.header.forEach((h, i) => (raw[h] = cells[i]!));
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      out.push({ line, row: parsed.data });
    } else {
      if (raw['id'] ?? raw['adcode']) broken.add((raw['id'] ?? raw['adcode'])!);
      if (name === 'sites.csv' && raw['cluster_id']) broken.add(`site-of:${raw['cluster_id']}`);
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const got = raw[field] ?? '';
        const message = issue.code === 'invalid_value' ? `must be one of ${(issue as { values: unknown[] }).values.join(' | ')}` : issue.message;
        errors.push({ file, line, field, message: `${message} (got ${JSON.stringify(got)})` });
      }
    }
  }
  return out;
}

function crossCheck(t: { [N in TableName]: Rows<N> }, dir: string, errors: DataError[], broken: Set<string>) {
  const f = (name: TableName) => `${dir}/${name}`;
  const err = (name: TableName, line: number, field: string, message: string) => errors.push({ file: f(name), line, field, message });
  /** A lookup that treats rows which already failed to parse as present (their error is reported). */
  const has = (set: { has(k: string): boolean }, k: string) => set.has(k) || broken.has(k);

  const ids = (name: TableName, key: 'id' | 'adcode') => {
    const seen = new Map<string, number>();
    for (const { line, row } of t[name] as { line: number; row: Record<string, unknown> }[]) {
      const v = String(row[key]);
      const first = seen.get(v);
      if (first !== undefined) err(name, line, key, `duplicate ${key} "${v}" (first on line ${first})`);
      else seen.set(v, line);
    }
    return seen;
  };
  const provinces = ids('regions.csv', 'adcode');
  const sources = ids('sources.csv', 'id');
  const programmes = ids('programmes.csv', 'id');
  const batches = ids('batches.csv', 'id');
  const batchRows = new Map(t['batches.csv'].map((r) => [r.row.id, r.row]));
  const sourceRows = new Map(t['sources.csv'].map((r) => [r.row.id, r.row]));
  const needBatch = (name: TableName, line: number, v: string) => {
    if (!has(batches, v)) err(name, line, 'batch', `no batch with id "${v}" in batches.csv`);
  };
  const sectors = ids('sectors.csv', 'id');
  const metrics = new Map(t['metrics.csv'].map((r) => [r.row.id, r.row]));
  ids('metrics.csv', 'id');
  const groups = ids('groups.csv', 'id');
  const clusters = new Map(t['clusters.csv'].map((r) => [r.row.id, r.row]));
  ids('clusters.csv', 'id');
  ids('sites.csv', 'id');
  ids('figures.csv', 'id');
  const sourceDate = new Map(t['sources.csv'].map((r) => [r.row.id, r.row.date ? Number(r.row.date.slice(0, 4)) : null]));

  const needSource = (name: TableName, line: number, field: string, v: string | null) => {
    if (v != null && !has(sources, v)) err(name, line, field, `no source with id "${v}" in sources.csv`);
  };
  const needProvince = (name: TableName, line: number, field: string, v: string | null) => {
    if (v != null && !has(provinces, v)) err(name, line, field, `"${v}" is not a province adcode in regions.csv`);
  };
  const samePrefix = (name: TableName, line: number, field: string, code: string | null, province: string) => {
    if (code != null && code.slice(0, 2) !== province.slice(0, 2)) err(name, line, field, `${code} is not inside province ${province}`);
  };

  for (const { line, row } of t['sources.csv']) {
    needProvince('sources.csv', line, 'province_adcode', row.province_adcode);
    if (row.read_at == null && (row.read_at_name_zh != null || row.read_at_name_en != null)) err('sources.csv', line, 'read_at', 'read_at_name is given without read_at');
    if (row.grade === 'reprint' && row.read_at == null) err('sources.csv', line, 'read_at', 'a reprint names the address where its text was read');
    if (row.grade === 'official' && row.level === 'press') err('sources.csv', line, 'grade', 'a press source cannot be graded official (official is the issuer\'s own publication)');
  }
  for (const { line, row } of t['batches.csv']) {
    if (!has(programmes, row.programme)) err('batches.csv', line, 'programme', `no programme with id "${row.programme}" in programmes.csv`);
    needSource('batches.csv', line, 'source_id', row.source_id);
    for (const k of ['official_count', 'cumulative_count'] as const) {
      const v = row[k];
      if (v != null && (!Number.isInteger(v) || v < 0)) err('batches.csv', line, k, `a count is a whole number, got ${v}`);
    }
    if (row.official_count != null && row.cumulative_count != null && row.cumulative_count < row.official_count) err('batches.csv', line, 'cumulative_count', `the cumulative total (${row.cumulative_count}) is below the batch's own count (${row.official_count})`);
    // A batch is placed at its designation year, which may precede its publication (the 2022 list, published in January 2023).
    if (row.year != null && row.date != null && row.year > Number(row.date.slice(0, 4))) err('batches.csv', line, 'year', `the year ${row.year} is after the date ${row.date}`);
  }
  for (const { line, row } of t['groups.csv']) {
    needSource('groups.csv', line, 'source_id', row.source_id);
    needBatch('groups.csv', line, row.batch);
    needProvince('groups.csv', line, 'province_adcode', row.province_adcode);
    for (const m of row.members) if (!has(clusters, m)) err('groups.csv', line, 'members', `no cluster with id "${m}"`);
  }
  for (const { line, row } of t['clusters.csv']) {
    if (!has(sectors, row.sector)) err('clusters.csv', line, 'sector', `unknown sector "${row.sector}" (not in sectors.csv)`);
    if (row.parent_id != null && (row.parent_id === row.id || !has(clusters, row.parent_id)))
      err('clusters.csv', line, 'parent_id', `no other cluster with id "${row.parent_id}"`);
    needSource('clusters.csv', line, 'source_id', row.source_id);
    needBatch('clusters.csv', line, row.batch);
    needProvince('clusters.csv', line, 'province_adcode', row.province_adcode);
    samePrefix('clusters.csv', line, 'prefecture_adcode', row.prefecture_adcode, row.province_adcode);
  }
  const sited = new Set<string>();
  const crossProvince: { line: number; cluster: string }[] = [];
  for (const { line, row } of t['sites.csv']) {
    const c = clusters.get(row.cluster_id);
    if (!c && !broken.has(row.cluster_id)) err('sites.csv', line, 'cluster_id', `no cluster with id "${row.cluster_id}"`);
    else if (c) {
      // A cluster named after places in several provinces has a site in each; at least one lies in its own province.
      if (row.adcode.slice(0, 2) === c.province_adcode.slice(0, 2)) sited.add(c.id);
      else {
        crossProvince.push({ line, cluster: c.id });
        needProvince('sites.csv', line, 'adcode', row.adcode.slice(0, 2) + '0000');
      }
    }
    needSource('sites.csv', line, 'source_id', row.source_id);
    if (row.precision === 'province' && !provinces.has(row.adcode)) err('sites.csv', line, 'adcode', `precision province needs a province adcode, got ${row.adcode}`);
  }
  const sitedElsewhere = new Set(crossProvince.map((x) => x.cluster));
  for (const { line, row } of t['clusters.csv']) if (!sited.has(row.id) && !broken.has(`site-of:${row.id}`) && !sitedElsewhere.has(row.id)) err('clusters.csv', line, 'id', `cluster "${row.id}" has no site in sites.csv`);
  for (const { line, cluster } of crossProvince) if (!sited.has(cluster)) err('sites.csv', line, 'adcode', `no site of cluster "${cluster}" lies in its own province ${clusters.get(cluster)!.province_adcode}`);

  for (const { line, row } of t['figures.csv']) {
    const F = 'figures.csv';
    const m = metrics.get(row.metric);
    if (!m && !broken.has(row.metric)) err(F, line, 'metric', `unknown metric "${row.metric}" (not in metrics.csv)`);
    else if (m && m.unit !== row.unit) err(F, line, 'unit', `metric ${m.id} is measured in ${m.unit}, not ${row.unit}`);
    needSource(F, line, 'source_id', row.source_id);
    needBatch(F, line, row.batch);
    const subjectKnown = {
      cluster: () => has(clusters, row.subject_id),
      group: () => has(groups, row.subject_id),
      province: () => has(provinces, row.subject_id),
      region: () => ['east', 'central', 'west', 'northeast'].includes(row.subject_id),
      nation: () => row.subject_id === 'CN',
    }[row.subject_type];
    if (!subjectKnown()) err(F, line, 'subject_id', `no ${row.subject_type} "${row.subject_id}"`);
    if (row.scope === 'each' && row.subject_type === 'cluster') err(F, line, 'scope', 'a cluster has no members: scope each is for groups, provinces, regions and the nation');
    if ((row.value_status === 'illegible') !== (row.value == null))
      err(F, line, 'value', row.value == null ? 'empty, but value_status is not illegible' : 'a value is given but value_status is illegible');
    if (row.comparator === 'range') {
      if (row.value_max == null || row.value == null || row.value_max <= row.value) err(F, line, 'value_max', 'a range needs value < value_max');
    } else if (row.value_max != null) err(F, line, 'value_max', `only a range has value_max (comparator is ${row.comparator})`);
    const actualStage = row.stage === 'baseline' || row.stage === 'outcome';
    if ((row.kind === 'actual') !== actualStage) err(F, line, 'stage', `kind ${row.kind} cannot be at stage ${row.stage}`);
    if (row.stage === 'outcome') {
      const b = batchRows.get(row.batch);
      const planned = b && b.source_id !== row.source_id;
      if (b && !planned) err(F, line, 'stage', `an outcome is reported by another source than the plan it measures (batch ${row.batch} is from ${b.source_id})`);
    }
    const dated = row.year_status === 'stated' || row.year_status === 'confirmed' || row.year_status === 'derived';
    if (dated && row.year == null) err(F, line, 'year', `year_status ${row.year_status} needs a year`);
    if (!dated && row.year != null) err(F, line, 'year', `a year with year_status ${row.year_status} is not supported by any source`);
    if (row.year_status === 'confirmed') {
      if (row.year_source_id == null || row.year_source_id === row.source_id) err(F, line, 'year_source_id', 'a confirmed year names the other source that confirms it');
      else needSource(F, line, 'year_source_id', row.year_source_id);
    } else if (row.year_source_id != null) err(F, line, 'year_source_id', 'only a confirmed year has a year_source_id');
    const docYear = sourceDate.get(row.source_id);
    if (row.year != null && row.year_status === 'stated' && docYear != null) {
      if (row.kind === 'actual' && row.year > docYear) err(F, line, 'year', `an actual figure for ${row.year} cannot be stated in a document of ${docYear}`);
      if (row.kind === 'target' && row.year < docYear) err(F, line, 'year', `a target for ${row.year} cannot be set in a document of ${docYear}`);
    }
  }
  const figureRows = new Map(t['figures.csv'].map((r) => [r.row.id, r.row]));
  ids('comparisons.csv', 'id');
  for (const { line, row } of t['comparisons.csv']) {
    const C = 'comparisons.csv';
    const target = figureRows.get(row.target_id);
    const outcome = figureRows.get(row.outcome_id);
    if (!target && !broken.has(row.target_id)) err(C, line, 'target_id', `no figure with id "${row.target_id}"`);
    else if (target && target.kind !== 'target') err(C, line, 'target_id', `figure "${row.target_id}" is not a target (kind ${target.kind})`);
    if (!outcome && !broken.has(row.outcome_id)) err(C, line, 'outcome_id', `no figure with id "${row.outcome_id}"`);
    else if (outcome && outcome.stage !== 'outcome') err(C, line, 'outcome_id', `figure "${row.outcome_id}" is not an outcome (stage ${outcome.stage})`);
    if (target && outcome && target.batch !== outcome.batch) err(C, line, 'outcome_id', `the outcome measures batch ${outcome.batch}, the target belongs to ${target.batch}`);
  }
  for (const { line, row } of t['context/province-gdp.csv']) needProvince('context/province-gdp.csv', line, 'adcode', row.adcode);
}
