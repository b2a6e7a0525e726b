import type { Workbook } from 'exceljs';
import type { StatTable } from './tables';

/** The office's number formats: whole numbers with thousands separators, rates as percentages with two decimals. */
export const NUMBER_FORMATS = { count: '#,##0', rate: '0.00%' } as const;
const FONT = '宋体';

/** One sheet per table: title, period line, a bold header row, the rows, a bold 合计 row; frozen header. */
export async function tablesToXlsx(tables: StatTable[], creator = '行政复议机构'): Promise<Buffer> {
  // Loaded when the first workbook is made: exceljs is about a sixth of what the api would otherwise load at start.
  const { Workbook: ExcelWorkbook } = await import('exceljs');
  const wb = new ExcelWorkbook();
  wb.creator = creator;
  wb.created = new Date(); // wall clock on purpose: file metadata, when the workbook was actually produced
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, wb), { views: [{ state: 'frozen', ySplit: 3 }] });
    const width = t.columns.length;
    ws.mergeCells(1, 1, 1, width);
    Object.assign(ws.getCell(1, 1), { value: t.title, font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: 'center' } });
    ws.mergeCells(2, 1, 2, width);
    Object.assign(ws.getCell(2, 1), { value: t.subtitle, font: { name: FONT, size: 10 } });
    const header = ws.getRow(3);
    t.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thin;
      ws.getColumn(i + 1).width = c.kind === 'text' ? 22 : 12;
    });
    const add = (values: Record<string, unknown>, bold: boolean) => {
      const row = ws.addRow(t.columns.map((c) => values[c.key] ?? null));
      t.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.font = { name: FONT, bold };
        cell.border = thin;
        if (c.kind !== 'text') cell.numFmt = NUMBER_FORMATS[c.kind];
      });
    };
    for (const r of t.rows) add(r, false);
    if (t.total) add(t.total, true);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const thin = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, wb: Workbook): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').slice(0, 28);
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}${i}`;
  return name;
}
