import { describe, it, expect } from 'vitest';
import { parseCsv, toCsv, CsvSyntaxError } from './csv.ts';

describe('csv', () => {
  it('reads quoted fields with commas, quotes and newlines, and records line numbers', () => {
    const t = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n\n3,4\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('round-trips what it writes', () => {
    const rows = [['1,5', 'a "b"', null], ['中文', 'line\nbreak', 3]];
    const text = toCsv(['x', 'y', 'z'], rows);
    expect(parseCsv(text).rows.map((r) => r.cells)).toEqual([
      ['1,5', 'a "b"', ''],
      ['中文', 'line\nbreak', '3'],
    ]);
  });

  it('names the line of a stray quote', () => {
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n3,x"y\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });
});
