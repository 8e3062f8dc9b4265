import { describe, it, expect } from 'vitest';
import { packTable, packAtlas, unpackAtlas, PACKED_FIELDS, PACKED_TABLES, PackedError } from './packed.ts';
import { ROW_SHAPES, atlasShapeError } from './shape.ts';
import { readAtlas } from '../../tests/atlasFile.ts';
import { parseAtlas, LoadError } from './load.ts';

const fieldsOf = (table: keyof typeof ROW_SHAPES) => ROW_SHAPES[table].split(' ').map((f) => f.split(':')[0]);

describe('atlas tables written by column', () => {
  it('the row builders read every field shape.ts knows, in its order', () => {
    for (const t of PACKED_TABLES) expect(PACKED_FIELDS[t]).toEqual(fieldsOf(t));
  });

  it('the built atlas reads back as rows that pass the shape check', () => {
    const atlas = readAtlas();
    expect(atlasShapeError(atlas)).toBeNull();
    expect(atlas.clusters.length).toBeGreaterThan(300);
  });

  it('packs and unpacks the real rows to the same rows', () => {
    const atlas = readAtlas();
    const packed = packAtlas(atlas, PACKED_FIELDS);
    expect(packed.clusters.packed).toBe(1);
    expect(unpackAtlas(JSON.parse(JSON.stringify(packed)))).toEqual(atlas);
  });

  it('keeps repeated texts once, unique ones as a plain list, numbers and nulls as they are', () => {
    const rows = [
      { id: 'a', unit: '亿元', value: 1.5, note: null },
      { id: 'b', unit: '亿元', value: null, note: null },
      { id: 'c', unit: '亿元', value: 3, note: 'x' },
      { id: 'd', unit: '万元', value: 4, note: null },
    ];
    const t = packTable(rows, ['id', 'unit', 'value', 'note']);
    expect(t.columns['id']).toEqual(['a', 'b', 'c', 'd']);
    expect(t.columns['unit']).toEqual({ strings: ['亿元', '万元'], codes: [0, 0, 0, 1] });
    expect(t.columns['value']).toEqual([1.5, null, 3, 4]);
    expect(t.columns['note']).toEqual({ strings: ['x'], codes: [null, null, 0, null] });
  });

  it('keeps a column with one value in every row as that value once, and reads it back for every row', () => {
    const rows = [
      { id: 'a', source: 's1', note: null, year: 2024 },
      { id: 'b', source: 's1', note: null, year: 2024 },
      { id: 'c', source: 's1', note: null, year: 2025 },
    ];
    const t = packTable(rows, ['id', 'source', 'note', 'year']);
    expect(t.columns['source']).toEqual({ same: 's1' });
    expect(t.columns['note']).toEqual({ same: null });
    expect(t.columns['year']).toEqual([2024, 2024, 2025]);
    const atlas = readAtlas();
    const packed = packAtlas(atlas, PACKED_FIELDS);
    packed.sites.columns['notes_en'] = { same: null };
    const back = unpackAtlas(JSON.parse(JSON.stringify(packed))) as typeof atlas;
    expect(back.sites.every((s) => s.notes_en === null)).toBe(true);
    expect(back.sites.map((s) => s.id)).toEqual(atlas.sites.map((s) => s.id));
  });

  it('leaves a table of rows as it is, and anything not an object', () => {
    const json = { version: 1, clusters: [{ id: 'a' }] };
    expect(unpackAtlas(json)).toBe(json);
    expect(unpackAtlas(null)).toBeNull();
    expect(unpackAtlas([1])).toEqual([1]);
  });

  it('names the table and column of a malformed packed table', () => {
    const atlas = readAtlas();
    const packed = () => JSON.parse(JSON.stringify(packAtlas(atlas, PACKED_FIELDS)));
    const short = packed();
    short.sites.columns.lon.pop();
    expect(() => unpackAtlas(short)).toThrow(new PackedError(`sites.columns.lon: ${atlas.sites.length} values expected`));
    const badCode = packed();
    badCode.figures.columns.unit.codes[2] = 99;
    expect(() => unpackAtlas(badCode)).toThrow(/^figures\.columns\.unit\.codes\.2: a number below \d+ expected$/);
    const missing = packed();
    delete missing.clusters.columns.sector;
    expect(() => unpackAtlas(missing)).toThrow('clusters.columns.sector: a list, strings and codes, or one value for every row expected');
    const badSame = packed();
    badSame.clusters.columns.sector = { same: ['equipment'] };
    expect(() => unpackAtlas(badSame)).toThrow('clusters.columns.sector.same: a text, number, true/false or null expected');
    const noLength = packed();
    noLength.clusters.length = -1;
    expect(() => unpackAtlas(noLength)).toThrow('clusters.length: a count of rows expected');
  });

  it('the page says which column of atlas.json is malformed, as a schema failure', () => {
    const bad = JSON.parse(JSON.stringify(packAtlas(readAtlas(), PACKED_FIELDS)));
    bad.sites.columns.lat = 'north';
    let failure: unknown = null;
    try {
      parseAtlas(bad);
    } catch (err: unknown) {
      failure = err instanceof LoadError ? err.failure : err;
    }
    expect(failure).toEqual({ kind: 'schema', file: 'atlas.json', detail: 'sites.columns.lat: a list, strings and codes, or one value for every row expected' });
  });
});
