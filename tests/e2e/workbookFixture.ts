/**
 * Workbooks for the import's browser tests, made with exceljs as Excel and WPS save them: a notes sheet
 * first, then the data under a merged title row, with a formula, a date and a merged two-row header; a
 * hidden sheet; and a hostile one (formula text in names). Written to a temporary folder, not committed.
 */
import ExcelJS from 'exceljs';

export async function clusterWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '本表为示例：衡水市产业集群统计。';
  const ws = wb.addWorksheet('集群数据');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '2023年衡水市县域特色产业集群统计表';
  ws.getRow(2).values = ['集群名称', '所在地', '产值（亿元）', '', '备注'];
  ws.mergeCells('C2:D2');
  ws.getRow(3).values = ['', '', '2022', '2023', ''];
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('E2:E3');
  ws.getRow(4).values = ['安平丝网产业集群', '衡水市安平县', 600, { formula: 'C4*1.1', result: 660 }, '=HYPERLINK("http://evil.example/","点我")'];
  ws.getRow(5).values = ['枣强玻璃钢产业集群', '枣强县', 300.5, 320, new Date(Date.UTC(2024, 0, 15))];
  ws.getRow(6).values = ['-2+3+cmd|\' /C calc\'!A0', '清河县', 100, 110, ''];
  const hidden = wb.addWorksheet('旧表');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = '作废';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
