import { describe, it, expect } from 'vitest';
import { atlasSchema } from './schema.ts';
import { ROW_SHAPES, atlasShapeError } from './shape.ts';
import { readAtlas } from '../../tests/atlasFile.ts';

/** The pages' type table read off the schema itself: a field's type after its CSV preparation, "?" when null is allowed. */
type Def = { type: string; out?: Schema; innerType?: Schema; element?: Schema; shape?: Record<string, Schema>; values?: unknown[] };
type Schema = { _zod: { def: Def } };
function kind(s: Schema): string {
  const d = s._zod.def;
  switch (d.type) {
    case 'pipe':
      return kind(d.out!);
    case 'nullable':
    case 'optional':
      return `${kind(d.innerType!)}?`;
    case 'string':
    case 'enum':
      return 's';
    case 'number':
    case 'int':
      return 'n';
    case 'boolean':
      return 'b';
    case 'array':
      return 'a';
    default:
      return d.type;
  }
}

const atlas = readAtlas() as unknown as Record<string, Record<string, unknown>[]>;

describe('the shape the pages check (shape.ts)', () => {
  it('is the schema’s: every table, every field, its type and whether it may be empty', () => {
    const shape = (atlasSchema as unknown as Schema)._zod.def.shape!;
    const fromSchema = Object.fromEntries(
      Object.entries(shape)
        .filter(([, s]) => s._zod.def.type === 'array')
        .map(([table, s]) => [table, Object.entries(s._zod.def.element!._zod.def.shape!).map(([f, fs]) => `${f}:${kind(fs)}`).join(' ')]),
    );
    expect(ROW_SHAPES).toEqual(fromSchema);
  });
  it('passes the built atlas', () => {
    expect(atlasShapeError(atlas)).toBeNull();
  });
  it('names the first field of a wrong type, a missing table, a wrong version', () => {
    const clusters = atlas['clusters']!;
    expect(atlasShapeError({ ...atlas, clusters: [clusters[0], { ...clusters[1], province_adcode: 42 }] })).toBe('clusters.1.province_adcode: text expected');
    expect(atlasShapeError({ ...atlas, sites: [{ ...atlas['sites']![0], lat: null }] })).toBe('sites.0.lat: a number expected');
    expect(atlasShapeError({ ...atlas, figures: [{ ...atlas['figures']![0], value: '12' }] })).toBe('figures.0.value: a number or empty expected');
    expect(atlasShapeError({ ...atlas, comparisons: undefined })).toBe('comparisons: a list expected');
    expect(atlasShapeError({ ...atlas, version: 1 })).toMatch(/^version: /);
    expect(atlasShapeError([])).toBe('(root): an object expected');
  });
});
