import ExcelJS from 'exceljs';
import { belgianDate } from './dates';

/** One export column as the writers see it: a header and, per row, a text, a date (YYYY-MM-DD) or nothing. */
export interface SheetColumn {
  header: string;
  kind: 'text' | 'date';
  width: number;
}
export type SheetValue = string | null;

/**
 * A cell Excel would run as a formula (=, +, -, @, or a tab or carriage return in front of one) gets an apostrophe in
 * front: a name like "=HYPERLINK(…)" typed into a dossier must not become a live link in someone's spreadsheet.
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const quoteCsv = (value: string) => (/[";\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** What Belgian Excel opens by double-click: UTF-8 with a byte-order mark, ';' between cells, CRLF between rows. */
export function toCsv(columns: readonly SheetColumn[], rows: readonly SheetValue[][]): Buffer {
  const line = (cells: readonly string[]) => cells.map((c) => quoteCsv(defuseFormula(c))).join(';');
  const lines = [
    line(columns.map((c) => c.header)),
    ...rows.map((row) =>
      line(row.map((value, i) => (value === null ? '' : columns[i]?.kind === 'date' ? belgianDate(value) : value))),
    ),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A real workbook: bold frozen header with a filter, dates as date cells, columns wide enough to read. */
export async function toXlsx(columns: readonly SheetColumn[], rows: readonly SheetValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Groeipad';
  const sheet = workbook.addWorksheet('Deelnemers', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) {
    sheet.addRow(
      row.map((value, i) => {
        if (value === null) return null;
        if (columns[i]?.kind !== 'date') return value;
        const [y, m, d] = value.split('-').map(Number);
        return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
