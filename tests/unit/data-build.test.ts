import { describe, it, expect } from 'vitest';
import { buildAtlas, formatError } from '../../src/data/validate.ts';
import { validRows, toFiles, type FixtureRows } from './fixtures.ts';

function errorsOf(mutate: (rows: FixtureRows) => void): string[] {
  const rows = validRows();
  mutate(rows);
  return buildAtlas(toFiles(rows)).errors.map(formatError);
}

describe('data build validation', () => {
  it('accepts the valid fixture and builds the bundle', () => {
    const { atlas, errors } = buildAtlas(toFiles(validRows()));
    expect(errors).toEqual([]);
    expect(atlas?.clusters.map((c) => c.id)).toEqual(['c-one', 'c-two']);
    expect(atlas?.figures.find((f) => f.id === 'f-1')?.value).toBe(1800);
    expect(atlas?.figures.find((f) => f.id === 'f-1')?.year).toBeNull();
    expect(atlas?.groups[0]?.members).toEqual(['c-one', 'c-two']);
    expect(atlas?.gdp.series['210000']).toEqual([1473, 2010.8]);
  });

  it('names a missing field (column)', () => {
    const files = toFiles(validRows());
    files['sites.csv'] = files['sites.csv'].replace('precision,', '').replace(/,county,/, ',').replace(/,province,/, ',');
    expect(buildAtlas(files).errors.map(formatError)).toEqual(['data/sites.csv:1 field "precision": column missing from the header']);
  });

  it('names an empty required field', () => {
    expect(errorsOf((r) => (r['clusters.csv'][0]!.name_en = ''))).toEqual(['data/clusters.csv:2 field "name_en": required (got "")']);
  });

  it('names a bad or missing grade, programme and batch', () => {
    expect(errorsOf((r) => (r['sources.csv'][0]!.grade = 'rumour'))).toEqual(['data/sources.csv:2 field "grade": must be one of official | press | reprint | low (got "rumour")']);
    expect(errorsOf((r) => (r['batches.csv'][0]!.programme = 'nowhere'))).toEqual(['data/batches.csv:2 field "programme": no programme with id "nowhere" in programmes.csv']);
    expect(errorsOf((r) => (r['clusters.csv'][0]!.batch = 'amc-1999'))).toEqual(['data/clusters.csv:2 field "batch": no batch with id "amc-1999" in batches.csv']);
    expect(errorsOf((r) => (r['figures.csv'][1]!.batch = ''))).toEqual(['data/figures.csv:3 field "batch": an id: lowercase letters, digits and "-" (got "")']);
    expect(errorsOf((r) => (r['groups.csv'][0]!.batch = 'x'))).toEqual(['data/groups.csv:2 field "batch": no batch with id "x" in batches.csv']);
  });

  it('names a press source graded official and a reprint without the address it was read at', () => {
    expect(errorsOf((r) => (r['sources.csv'][1]!.grade = 'official'))).toEqual(['data/sources.csv:3 field "grade": a press source cannot be graded official (official is the issuer\'s own publication)']);
    expect(errorsOf((r) => (r['sources.csv'][1]!.grade = 'reprint'))).toEqual(['data/sources.csv:3 field "read_at": a reprint names the address where its text was read']);
    expect(errorsOf((r) => Object.assign(r['sources.csv'][1]!, { grade: 'reprint', read_at: 'example.org/a', read_at_name_zh: '某网站' }))).toEqual([]);
  });

  it('names a bad completeness count', () => {
    expect(errorsOf((r) => (r['batches.csv'][0]!.official_count = '2.5'))).toEqual(['data/batches.csv:2 field "official_count": a count is a whole number, got 2.5']);
    expect(errorsOf((r) => (r['batches.csv'][0]!.cumulative_count = '1'))).toEqual(['data/batches.csv:2 field "cumulative_count": the cumulative total (1) is below the batch\'s own count (2)']);
    expect(errorsOf((r) => (r['batches.csv'][0]!.year = '2011'))).toEqual(['data/batches.csv:2 field "year": the year 2011 is after the date 2010-11-09']);
    expect(errorsOf((r) => (r['batches.csv'][0]!.year = '2009'))).toEqual([]);
  });

  it('takes an outcome only from another source than the plan it measures', () => {
    const outcome = { kind: 'actual', stage: 'outcome', year: '2010', year_status: 'stated' };
    expect(errorsOf((r) => Object.assign(r['figures.csv'][0]!, outcome, { source_id: 'press-b' }))).toEqual([]);
    expect(errorsOf((r) => Object.assign(r['figures.csv'][0]!, outcome))).toEqual(['data/figures.csv:2 field "stage": an outcome is reported by another source than the plan it measures (batch doc-a is from doc-a)']);
    expect(errorsOf((r) => Object.assign(r['figures.csv'][0]!, { stage: 'outcome', source_id: 'press-b' }))).toEqual(['data/figures.csv:2 field "stage": kind target cannot be at stage outcome']);
  });

  it('keeps a derived year only with the year it derives', () => {
    expect(errorsOf((r) => Object.assign(r['figures.csv'][0]!, { year: '2010', year_status: 'derived' }))).toEqual([]);
    expect(errorsOf((r) => Object.assign(r['figures.csv'][0]!, { year: '', year_status: 'derived' }))).toEqual(['data/figures.csv:2 field "year": year_status derived needs a year']);
  });

  it('never ships the file names of working copies', () => {
    const { atlas } = buildAtlas(toFiles(validRows()));
    expect(atlas?.sources.every((s) => s.seed_file == null)).toBe(true);
  });

  it('names a bad adcode', () => {
    expect(errorsOf((r) => (r['sites.csv'][0]!.adcode = '21028'))).toEqual(['data/sites.csv:2 field "adcode": a 6-digit administrative code (got "21028")']);
  });

  it('names an unknown sector', () => {
    expect(errorsOf((r) => (r['clusters.csv'][1]!.sector = 'space-mining'))).toEqual(['data/clusters.csv:3 field "sector": unknown sector "space-mining" (not in sectors.csv)']);
  });

  it('names a value that is not a number', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.value = '1,800'))).toEqual(['data/figures.csv:2 field "value": a plain decimal number or empty (got "1,800")']);
  });

  it('names a year that is not a year', () => {
    expect(errorsOf((r) => (r['figures.csv'][1]!.year = '20x5'))).toEqual(['data/figures.csv:3 field "year": a 4-digit year (got "20x5")']);
  });

  it('names a duplicate id', () => {
    expect(errorsOf((r) => (r['figures.csv'][2]!.id = 'f-1'))).toEqual(['data/figures.csv:4 field "id": duplicate id "f-1" (first on line 2)']);
  });

  it('names a figure pointing to a missing source', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.source_id = 'doc-zz'))).toEqual(['data/figures.csv:2 field "source_id": no source with id "doc-zz" in sources.csv']);
  });

  it('names an unknown enum value with the allowed ones', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.kind = 'guess'))).toEqual(['data/figures.csv:2 field "kind": must be one of actual | target (got "guess")']);
  });

  it('rejects a year with no source behind it', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.year = '2024'))).toEqual(['data/figures.csv:2 field "year": a year with year_status illegible is not supported by any source']);
  });

  it('rejects a confirmed year without the confirming source', () => {
    expect(errorsOf((r) => (r['figures.csv'][1]!.year_source_id = ''))).toEqual(['data/figures.csv:3 field "year_source_id": a confirmed year names the other source that confirms it']);
  });

  it('rejects an actual figure dated after its document', () => {
    expect(
      errorsOf((r) => {
        Object.assign(r['figures.csv'][2]!, { year: '2012', year_status: 'stated' });
      }),
    ).toEqual(['data/figures.csv:4 field "year": an actual figure for 2012 cannot be stated in a document of 2010']);
  });

  it('rejects scope each on a single cluster', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.scope = 'each'))).toEqual(['data/figures.csv:2 field "scope": a cluster has no members: scope each is for groups, provinces, regions and the nation']);
  });

  it('rejects a unit that is not the metric unit', () => {
    expect(errorsOf((r) => (r['figures.csv'][0]!.unit = '%'))).toEqual(['data/figures.csv:2 field "unit": metric output is measured in 亿元, not %']);
  });

  it('rejects a cluster none of whose sites lies in its own province, and a site in no known province', () => {
    expect(errorsOf((r) => (r['sites.csv'][0]!.adcode = '610102'))).toEqual(['data/sites.csv:2 field "adcode": no site of cluster "c-one" lies in its own province 210000']);
    expect(errorsOf((r) => (r['sites.csv'][0]!.adcode = '520102'))).toEqual(['data/sites.csv:2 field "adcode": "520000" is not a province adcode in regions.csv', 'data/sites.csv:2 field "adcode": no site of cluster "c-one" lies in its own province 210000']);
  });

  it('accepts a cross-province cluster with a site in each province, one of them its own', () => {
    expect(errorsOf((r) => r['sites.csv'].push({ ...r['sites.csv'][0]!, id: 's-3', adcode: '610102' }))).toEqual([]);
  });

  it('requires a site for every cluster', () => {
    expect(errorsOf((r) => r['sites.csv'].pop())).toEqual(['data/clusters.csv:3 field "id": cluster "c-two" has no site in sites.csv']);
  });

  it('lists all errors, not the first only', () => {
    const errs = errorsOf((r) => {
      r['clusters.csv'][0]!.sector = 'nope';
      r['figures.csv'][0]!.value = 'x';
      r['sites.csv'][1]!.lat = '99';
    });
    expect(errs).toHaveLength(3);
  });

  it('names a row with the wrong number of fields and a broken quote', () => {
    const files = toFiles(validRows());
    files['sectors.csv'] += 'food,食品\r\n';
    files['metrics.csv'] += '"unclosed,x\r\n';
    expect(buildAtlas(files).errors.map(formatError)).toEqual([
      'data/sectors.csv:3: 2 fields, the header has 5',
      'data/metrics.csv:4: a quoted field is never closed',
    ]);
  });
});
