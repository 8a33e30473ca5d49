import type { XlsformIssue } from "./types.ts";

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** `survey!B12 (type)`: the sheet, the cell as Excel names it, and the column's header. */
export function cellPath(sheet: string, rowNumber: number, column: number, header?: string): string {
  const where = `${sheet}!${columnLetter(column)}${rowNumber}`;
  return header ? `${where} (${header})` : where;
}

/** Collects what the import cannot express: errors stop it, warnings travel with the result. */
export class IssueLog {
  readonly errors: XlsformIssue[] = [];
  readonly warnings: XlsformIssue[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}
