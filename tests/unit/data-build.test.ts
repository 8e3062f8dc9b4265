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

  it('rejects a site outside its cluster province', () => {
    expect(errorsOf((r) => (r['sites.csv'][0]!.adcode = '610102'))).toEqual(['data/sites.csv:2 field "adcode": 610102 is not inside province 210000']);
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
