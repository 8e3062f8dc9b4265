import { describe, it, expect } from 'vitest';
import { parseTable, parseTableSync, TooLargeError } from '../../../src/import/table.ts';
import { CsvSyntaxError, toCsv } from '../../../src/data/csv.ts';

describe("reading a user's table (papaparse)", () => {
  it('numbers rows as a spreadsheet does: header row 1, a line break inside a cell is one row, empty rows counted but dropped', () => {
    const t = parseTableSync('\uFEFF名称,所在地\r\n"多行\r\n名称",安平县\r\n\r\n"x, y",枣强县\r\n', ',');
    expect(t.header).toEqual(['名称', '所在地']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['多行\r\n名称', '安平县'] },
      { line: 4, cells: ['x, y', '枣强县'] },
    ]);
  });

  it('reads back what the atlas writes: the apostrophe before a formula-like cell comes off', () => {
    const csv = toCsv(['名称', '值'], [['=1+1', -5], ['-2+3', 1], ["'plain", 2]]);
    expect(parseTableSync(csv, ',').rows.map((r) => r.cells)).toEqual([['=1+1', '-5'], ['-2+3', '1'], ["'plain", '2']]);
  });

  it('a quote left open names its row', () => {
    try {
      parseTableSync('a,b\n1,2\n"3,4\n', ',');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses a table over the row limit, naming the limit', async () => {
    const text = ['a,b', ...Array.from({ length: 11 }, (_, i) => `${i},x`)].join('\n');
    expect(() => parseTableSync(text, ',', 10)).toThrow(TooLargeError);
    await expect(parseTable(text, { delimiter: ',', maxRows: 10 })).rejects.toMatchObject({ what: 'rows', limit: 10 });
    expect(parseTableSync(text, ',', 11).rows).toHaveLength(11);
  });

  it('reads a large table in chunks, reporting progress and giving the page a turn between chunks', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `集群${i},安平县,${i}.5,2023`);
    const text = ['集群名称,所在地,产值（亿元）,年份', ...rows].join('\n');
    const seen: number[] = [];
    let turns = 0;
    const t = await parseTable(text, { delimiter: ',', onProgress: (p) => seen.push(p.rows), pause: () => (turns++, Promise.resolve()) });
    expect(t.rows).toHaveLength(60_000);
    expect(t.rows[59_999]).toEqual({ line: 60_001, cells: ['集群59999', '安平县', '59999.5', '2023'] });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(60_000);
    expect(turns).toBeGreaterThan(1);
  });
});
