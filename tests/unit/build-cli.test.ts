/** The data build as a command: all errors listed, exit 1, nothing written; a clean build writes the bundle. */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../scripts/build-data.ts';
import { ATLAS_VERSION } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';
import { atlasShapeError } from '../../src/data/shape.ts';

function scratch(): { data: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  cpSync('data', join(dir, 'data'), { recursive: true });
  return { data: join(dir, 'data'), out: join(dir, 'out', 'data') };
}

describe('scripts/build-data.ts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes atlas.json and the geometry from a clean dataset', () => {
    const { data, out } = scratch();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(run(data, out)).toBe(0);
    const atlas = JSON.parse(readFileSync(join(out, 'atlas.json'), 'utf8'));
    expect(atlas.version).toBe(ATLAS_VERSION);
    // The large tables are written by column, and read back as the rows they were built from.
    expect(atlas.clusters.packed).toBe(1);
    const rows = readAtlas(join(out, 'atlas.json'));
    expect(rows.clusters.length).toBe(atlas.clusters.length);
    expect(atlasShapeError(rows)).toBeNull();
    for (const f of ['provinces.topo.json', 'prefectures.topo.json', 'south-china-sea.json']) expect(existsSync(join(out, f))).toBe(true);
  });

  it('lists every error with file, line and field, exits 1 and leaves the previous output untouched', () => {
    const { data, out } = scratch();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(run(data, out)).toBe(0);
    const before = readFileSync(join(out, 'atlas.json'), 'utf8');
    const figures = readFileSync(join(data, 'figures.csv'), 'utf8').split('\n');
    figures[1] = figures[1]!.replace(',output,', ',outptu,');
    figures[2] = figures[2]!.replace(',target,', ',guess,');
    writeFileSync(join(data, 'figures.csv'), figures.join('\n'));
    rmSync(join(data, 'geo', 'south-china-sea.json'));
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void lines.push(m));
    expect(run(data, out)).toBe(1);
    expect(lines[0]).toBe('Data build failed with 3 errors; nothing was written.');
    expect(lines.slice(1).map((l) => l.replace(/^.*data\//, 'data/'))).toEqual([
      'data/figures.csv:3 field "kind": must be one of actual | target (got "guess")',
      'data/figures.csv:2 field "metric": unknown metric "outptu" (not in metrics.csv)',
      'data/geo/south-china-sea.json: file missing',
    ]);
    expect(readFileSync(join(out, 'atlas.json'), 'utf8')).toBe(before);
  });
});
