import { cellPath, columnLetter, type IssueLog } from "./issues.ts";
import { parseHeader } from "./parseHeader.ts";
import type { CellText, RawRow, RawSheet } from "./types.ts";

export interface Column {
  /** 1-based, as in Excel. */
  index: number;
  header: string;
  /** Canonical field; undefined for a column Parallax does not know (a choice filter column, an extension). */
  field: string | undefined;
  language: string | undefined;
}

function columnKey(column: Column): string {
  return column.field
    ? `${column.field}\u0000${column.language?.toLowerCase() ?? ""}`
    : `?${column.header.toLowerCase()}`;
}

/** A sheet with its header row understood: cells are looked up by field and language. */
export class SheetTable {
  constructor(
    readonly sheet: string,
    readonly columns: Column[],
    readonly rows: RawRow[],
  ) {}

  column(field: string, language?: string): Column | undefined {
    return this.columns.find(
      (column) => column.field === field && column.language?.toLowerCase() === language?.toLowerCase(),
    );
  }

  columnsOf(field: string): Column[] {
    return this.columns.filter((column) => column.field === field);
  }

  cell(row: RawRow, column: Column | undefined): CellText {
    return column ? row.cells[column.index - 1] : undefined;
  }

  text(row: RawRow, field: string, language?: string): CellText {
    return this.cell(row, this.column(field, language));
  }

  /** Where a field sits in a row (its first column when the language is not given); else the row itself. */
  path(row: RawRow, field: string, language?: string): string {
    const column = this.column(field, language) ?? this.columnsOf(field)[0];
    if (!column) return `${this.sheet}!${row.rowNumber} (${field})`;
    return cellPath(this.sheet, row.rowNumber, column.index, column.header);
  }

  columnPath(row: RawRow, column: Column): string {
    return cellPath(this.sheet, row.rowNumber, column.index, column.header);
  }
}

/**
 * Reads the header row, rejecting duplicate columns and reporting values that nothing will read:
 * in columns without a header, and (when `reportUnknown`) in columns Parallax does not know.
 */
export function buildSheetTable(sheet: RawSheet, log: IssueLog, reportUnknown: boolean): SheetTable {
  const [headerRow, ...rows] = sheet.rows;
  const columns: Column[] = [];
  const seen = new Map<string, Column>();
  headerRow?.cells.forEach((header, offset) => {
    if (header === undefined) return;
    const meaning = parseHeader(header);
    const column: Column = { index: offset + 1, header, field: meaning.field, language: meaning.language };
    const key = columnKey(column);
    const earlier = seen.get(key);
    if (earlier) {
      log.error(
        cellPath(sheet.name, headerRow.rowNumber, column.index, header),
        `duplicate column: column ${columnLetter(earlier.index)} has the same header "${earlier.header}"`,
      );
      return;
    }
    seen.set(key, column);
    columns.push(column);
  });
  const table = new SheetTable(sheet.name, columns, rows);
  reportIgnoredValues(table, headerRow, log, reportUnknown);
  return table;
}

function reportIgnoredValues(
  table: SheetTable,
  headerRow: RawRow | undefined,
  log: IssueLog,
  reportUnknown: boolean,
): void {
  const known = new Set(table.columns.map((column) => column.index));
  const headerCells = headerRow?.cells ?? [];
  const reported = new Set<number>();
  for (const row of table.rows) {
    row.cells.forEach((value, offset) => {
      const index = offset + 1;
      if (value === undefined || reported.has(index)) return;
      if (headerCells[offset] === undefined) {
        reported.add(index);
        log.warn(
          cellPath(table.sheet, row.rowNumber, index),
          "this column has no header; its values are ignored",
        );
      }
    });
  }
  if (!reportUnknown) return;
  for (const column of table.columns) {
    if (column.field !== undefined || !known.has(column.index)) continue;
    const first = table.rows.find((row) => row.cells[column.index - 1] !== undefined);
    if (!first) continue;
    log.warn(
      table.columnPath(first, column),
      `the column "${column.header}" has no SurveyJS equivalent; its values are ignored`,
    );
  }
}
