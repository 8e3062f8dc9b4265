import { describe, it, expect } from 'vitest';
import ExcelJS, { type Workbook as XlWorkbook } from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { openWorkbook, defaultSheet, WorkbookError, WORKBOOK_LIMITS, type WorkbookLimits } from '../../../src/import/workbook.ts';

const MB = 1024 * 1024;

/** An .xlsx built by exceljs itself. */
async function xlsx(build: (wb: XlWorkbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readFirst(bytes: Uint8Array) {
  const wb = await openWorkbook(bytes);
  return wb.table(defaultSheet(wb));
}

/** The reason openWorkbook (or a later step) refuses the file with. */
async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof WorkbookError) return e.reason;
    throw e;
  }
  return 'accepted';
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('reading a sheet', () => {
  it('reads a plain sheet back exactly, numbers in their shortest form, dates as dates', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('集群');
      ws.addRow(['集群名称', '所在地', '产值（亿元）', '年份', '认定日期']);
      ws.addRow(['安平丝网', '河北省衡水市安平县', 1234.5, 2023, utc(2024, 3, 1)]);
      ws.addRow(['清河羊绒', '清河县', 0.1, utc(2024, 1, 1), utc(1999, 12, 31)]);
      ws.getCell('D3').numFmt = 'yyyy"年"';
      ws.getCell('E3').numFmt = 'yyyy-mm-dd';
    });
    const t = await readFirst(bytes);
    expect(t.header).toEqual(['集群名称', '所在地', '产值（亿元）', '年份', '认定日期']);
    expect(t.headerRow).toBe(1);
    expect(t.rows).toEqual([
      { line: 2, cells: ['安平丝网', '河北省衡水市安平县', '1234.5', '2023', '2024-03-01'] },
      { line: 3, cells: ['清河羊绒', '清河县', '0.1', '2024', '1999-12-31'] },
    ]);
  });

  it('formulas give their cached result, never the formula; text that looks like a formula stays text', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['名称', '值', '两倍', '备注']);
      ws.addRow(['a', 5, { formula: 'B2*2', result: 10 }, '=HYPERLINK("http://x","y")']);
      ws.addRow(['b', 1, { formula: 'B3+1' }, { formula: '1/0', result: { error: '#DIV/0!' } }]);
      ws.addRow(['c', 2, { formula: 'B4*2', result: utc(2024, 5, 6) }, { formula: 'B4&"x"', result: '2x' }]);
    });
    const t = await readFirst(bytes);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a', '5', '10', '=HYPERLINK("http://x","y")'],
      ['b', '1', '', '#DIV/0!'],
      ['c', '2', '2024-05-06', '2x'],
    ]);
  });

  it('shared formulas, rich text, hyperlinks, errors and booleans', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['名称', '值', '两倍', '链接', '有效']);
      ws.addRow([{ richText: [{ text: '安平' }, { text: '丝网', font: { bold: true } }] }, 1, null, { text: '工信部', hyperlink: 'https://www.miit.gov.cn/' }, true]);
      ws.addRow(['b', 2, null, { error: '#N/A' }, false]);
      ws.addRow(['c', 3]);
      ws.fillFormula('C2:C4', 'B2*2', [2, 4, 6]);
    });
    const t = await readFirst(bytes);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['安平丝网', '1', '2', '工信部', 'TRUE'],
      ['b', '2', '4', '#N/A', 'FALSE'],
      ['c', '3', '6', '', ''],
    ]);
  });

  it('skips a title merged across the width; lines are the sheet row numbers; empty rows are dropped', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = '2024年产业集群统计表';
      ws.mergeCells('A1:D1');
      ws.getRow(2).values = ['集群名称', '所在地', '产值（亿元）', '年份'];
      ws.getRow(3).values = ['安平丝网', '安平县', 450, 2023];
      ws.getRow(4).values = ['清河羊绒', '清河县', 300];
      ws.getRow(6).values = ['白沟箱包', '高碑店市', 200, 2024, '表外的注释'];
      ws.getRow(7).values = [null, null, null, null, '只在表外'];
    });
    const t = await readFirst(bytes);
    expect(t.headerRow).toBe(2);
    expect(t.header).toEqual(['集群名称', '所在地', '产值（亿元）', '年份']);
    expect(t.rows).toEqual([
      { line: 3, cells: ['安平丝网', '安平县', '450', '2023'] },
      { line: 4, cells: ['清河羊绒', '清河县', '300', ''] },
      { line: 6, cells: ['白沟箱包', '高碑店市', '200', '2024'] },
    ]);
  });

  it('a header among the first rows: notes and numbers above it are skipped, else the first row is the header', async () => {
    const withNote = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getRow(1).values = ['单位：亿元'];
      ws.getRow(2).values = [2024, '年度'];
      ws.getRow(3).values = ['集群名称', '产值', '年份'];
      ws.getRow(4).values = ['安平丝网', 450, 2023];
    });
    expect((await readFirst(withNote)).headerRow).toBe(3);
    const numbersOnly = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getRow(2).values = [1, 2];
      ws.getRow(3).values = [3, 4];
    });
    const t = await readFirst(numbersOnly);
    expect(t.headerRow).toBe(2);
    expect(t.header).toEqual(['1', '2']);
    expect(t.rows).toEqual([{ line: 3, cells: ['3', '4'] }]);
  });

  it('joins a two-row header under a merged group: "产值" over 2023 | 2024', async () => {
    for (const years of [['2023', '2024'], [2023, 2024]]) {
      const bytes = await xlsx((wb) => {
        const ws = wb.addWorksheet('s');
        ws.getRow(1).values = ['集群名称', '所在地', '产值（亿元）'];
        ws.getRow(2).values = [null, null, ...years];
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('C1:D1');
        ws.getRow(3).values = ['安平丝网', '安平县', 400, 450];
      });
      const t = await readFirst(bytes);
      expect(t.headerRow).toBe(1);
      expect(t.header).toEqual(['集群名称', '所在地', '产值（亿元） 2023', '产值（亿元） 2024']);
      expect(t.rows).toEqual([{ line: 3, cells: ['安平丝网', '安平县', '400', '450'] }]);
    }
  });

  it('a merged header over data (no second header row) labels each column it covers; merged data cells read their value', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getRow(1).values = ['集群名称', '所在地', '产值'];
      ws.mergeCells('C1:D1');
      ws.getRow(2).values = ['安平丝网', '安平县', 'A', 'B'];
      ws.getRow(3).values = ['清河羊绒', null, 'C', 'D'];
      ws.mergeCells('B2:B3');
    });
    const t = await readFirst(bytes);
    expect(t.header).toEqual(['集群名称', '所在地', '产值', '产值']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['安平丝网', '安平县', 'A', 'B'] },
      { line: 3, cells: ['清河羊绒', '安平县', 'C', 'D'] },
    ]);
  });

  it('an empty sheet is listed, and reading it is refused as empty', async () => {
    const wb = await openWorkbook(await xlsx((w) => void w.addWorksheet('空')));
    expect(wb.sheets).toEqual([{ name: '空', rows: 0, cols: 0, hidden: false }]);
    expect(() => wb.table('空')).toThrow(WorkbookError);
    expect(await reason(Promise.resolve().then(() => wb.table('空')))).toBe('empty');
  });

  it('refuses a sheet with more cells than the limit', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      for (let r = 0; r < 10; r++) ws.addRow(['a', 'b', 'c']);
    });
    const wb = await openWorkbook(bytes, { ...WORKBOOK_LIMITS, maxCells: 29 });
    expect(await reason(Promise.resolve().then(() => wb.table('s')))).toBe('too-big');
    expect((await openWorkbook(bytes, { ...WORKBOOK_LIMITS, maxCells: 30 })).table('s').rows).toHaveLength(9);
  });
});

describe('sheets', () => {
  it('lists hidden sheets; the default sheet is the first visible one', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('说明', { state: 'hidden' }).addRow(['说明']);
      const data = wb.addWorksheet('数据');
      data.addRow(['集群名称', '产值']);
      data.addRow(['安平丝网', 450]);
      wb.addWorksheet('字典', { state: 'veryHidden' });
    });
    const wb = await openWorkbook(bytes);
    expect(wb.sheets).toEqual([
      { name: '说明', rows: 1, cols: 1, hidden: true },
      { name: '数据', rows: 2, cols: 2, hidden: false },
      { name: '字典', rows: 0, cols: 0, hidden: true },
    ]);
    expect(defaultSheet(wb)).toBe('数据');
    expect(wb.table('说明').header).toEqual(['说明']);
    expect(() => wb.table('无此表')).toThrow(/no sheet named/);
  });

  it('refuses more sheets than the limit before loading', async () => {
    const bytes = await xlsx((wb) => {
      for (let i = 1; i <= 201; i++) wb.addWorksheet(`s${i}`);
    });
    expect(await reason(openWorkbook(bytes))).toBe('too-many-sheets');
    expect((await openWorkbook(bytes, { ...WORKBOOK_LIMITS, maxSheets: 201 })).sheets).toHaveLength(201);
  });
});

describe('files that are not a readable .xlsx', () => {
  const cfb = (extra: number[] = []) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(extra, 1024);
    return bytes;
  };

  it('an old .xls (a compound file) is refused as xls, with advice', async () => {
    const err = await openWorkbook(cfb()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).reason).toBe('xls');
    expect((err as WorkbookError).detail).toMatch(/password-protected.*save as \.xlsx or CSV/);
  });

  it('a password-protected .xlsx (a compound file with an EncryptedPackage stream) is refused as encrypted', async () => {
    const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
    expect(await reason(openWorkbook(cfb(name)))).toBe('encrypted');
  });

  it('random bytes, a zip that is no workbook, and an oversized file are refused', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(await reason(openWorkbook(random))).toBe('not-xlsx');
    const pkGarbage = new Uint8Array(random);
    pkGarbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await reason(openWorkbook(pkGarbage))).toBe('not-xlsx');
    expect(await reason(openWorkbook(new Uint8Array(0)))).toBe('not-xlsx');
    expect(await reason(openWorkbook(zipSync({ 'readme.txt': strToU8('hello') })))).toBe('not-xlsx');
    const ok = await xlsx((wb) => void wb.addWorksheet('s').addRow(['a', 'b']));
    expect(await reason(openWorkbook(ok, { ...WORKBOOK_LIMITS, maxBytes: ok.length - 1 }))).toBe('too-big');
  });

  it('a zip with a workbook part exceljs cannot parse is unreadable (the checks let it through)', async () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<not xml'), '[Content_Types].xml': strToU8('<nope') });
    expect(await reason(openWorkbook(zip))).toBe('unreadable');
  });
});

describe('zip bombs are refused from the zip directory, before anything is inflated', () => {
  const bombParts = (sheet: Uint8Array) => ({
    // Not parseable XML: had exceljs been reached, the reason would be 'unreadable'.
    'xl/workbook.xml': strToU8('<not xml'),
    'xl/worksheets/sheet1.xml': sheet,
  });

  it('a 20 MB sheet of zeros (over 1000-fold) is refused', async () => {
    const zip = zipSync(bombParts(new Uint8Array(20 * MB)));
    expect(zip.length).toBeLessThan(100_000);
    expect(await reason(openWorkbook(zip))).toBe('zip-bomb');
    const small: WorkbookLimits = { ...WORKBOOK_LIMITS, maxUncompressed: 5 * MB, maxRatio: 1e9 };
    expect(await reason(openWorkbook(zip, small))).toBe('too-big');
  });

  it('an entry declaring 400 MB is refused with the default limits, without inflating it', async () => {
    const zip = zipSync(bombParts(strToU8('<worksheet/>'.repeat(1000))));
    setDeclaredSize(zip, 'xl/worksheets/sheet1.xml', 400e6);
    const started = performance.now();
    expect(await reason(openWorkbook(zip))).toBe('zip-bomb');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('many entries that together inflate past the limit are refused as too big', async () => {
    const parts: Record<string, Uint8Array> = { 'xl/workbook.xml': strToU8('<not xml') };
    for (let i = 0; i < 4; i++) parts[`xl/media/image${i}.bin`] = new Uint8Array(2 * MB).fill(i + 1);
    expect(await reason(openWorkbook(zipSync(parts), { ...WORKBOOK_LIMITS, maxUncompressed: 6 * MB }))).toBe('too-big');
  });
});

describe('a large sheet', () => {
  it('reads 100,000 rows × 5 columns without overflowing the stack', async () => {
    const ROWS = 100_000;
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('大表');
      ws.addRow(['集群名称', '所在地', '产值', '年份', '备注']);
      for (let i = 1; i <= ROWS; i++) ws.addRow([`集群${i}`, '安平县', i + 0.5, 2000 + (i % 25), i % 7 === 0 ? '' : `备注${i}`]);
    });
    const started = performance.now();
    const wb = await openWorkbook(bytes);
    const t = wb.table(defaultSheet(wb));
    const ms = performance.now() - started;
    console.log(`read ${ROWS} rows × 5 columns (${(bytes.length / MB).toFixed(1)} MB .xlsx) in ${Math.round(ms)} ms`);
    expect(t.rows).toHaveLength(ROWS);
    expect(t.rows[ROWS - 1]).toEqual({ line: ROWS + 1, cells: [`集群${ROWS}`, '安平县', `${ROWS + 0.5}`, `${2000 + (ROWS % 25)}`, `备注${ROWS}`] });
    expect(wb.sheets[0]).toEqual({ name: '大表', rows: ROWS + 1, cols: 5, hidden: false });
  }, 60_000);
});

/** Rewrite the uncompressed size an entry declares in the zip's central directory (what a crafted bomb does). */
function setDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === wanted.length && entryName.every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory entry ${name}`);
}
