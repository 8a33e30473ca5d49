import ExcelJS from "exceljs";
import { ParallaxError } from "../../errors.ts";
import { type ExcelCellValue, readCellText } from "./cellText.ts";
import type { CellText, RawRow, RawSheet, UnreadableCell, XlsformWorkbook } from "./types.ts";

/** Reads an .xlsx file's bytes into plain rows of text. No file system: the caller supplies the bytes. */
export async function readXlsformWorkbook(bytes: Uint8Array): Promise<XlsformWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Uint8Array view is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParallaxError("XLSFORM_INVALID", "The file is not a readable .xlsx workbook", [
      { path: "workbook", message: reason },
    ]);
  }
  const sheets: RawSheet[] = [];
  const unreadable: UnreadableCell[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellText[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const reading = readCellText(cell.value as ExcelCellValue);
        if ("unreadable" in reading) {
          unreadable.push({ sheet: worksheet.name, rowNumber, column, reason: reading.unreadable });
          return;
        }
        if (reading.text !== undefined) cells[column - 1] = reading.text;
      });
      if (cells.some((cell) => cell !== undefined)) rows.push({ rowNumber, cells: Array.from(cells) });
    });
    sheets.push({ name: worksheet.name, rows });
  });
  return { sheets, unreadable };
}
