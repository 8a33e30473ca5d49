/** What exceljs gives for a cell, narrowed to the shapes an XLSForm can hold. */
export type ExcelCellValue = null | undefined | string | number | boolean | Date | { [key: string]: unknown };

export type CellReading = { text: string | undefined } | { unreadable: string };

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function richText(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  // Excel booleans read as pyxform reads them, so `required` = TRUE means yes.
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  return undefined;
}

// A formula saved without its result can still be read when it is a constant such as TRUE().
const constantFormulas: Record<string, string> = { "TRUE()": "TRUE", "FALSE()": "FALSE" };

/** The text of a cell, trimmed; formulas give their saved result, links their text. */
export function readCellText(value: ExcelCellValue): CellReading {
  const scalar = scalarText(value);
  if (scalar !== undefined || value === null || value === undefined) return { text: tidy(scalar) };
  if (typeof value !== "object" || value instanceof Date) return { text: undefined };
  if ("richText" in value) return { text: tidy(richText(value.richText)) };
  if ("error" in value) return { unreadable: `the cell holds the spreadsheet error ${String(value.error)}` };
  if ("formula" in value || "sharedFormula" in value) {
    if ("result" in value && value.result !== undefined) {
      const result = value.result;
      if (typeof result === "object" && result !== null && "error" in result) {
        return { unreadable: `the formula's result is the error ${String(result.error)}` };
      }
      return { text: tidy(scalarText(result)) };
    }
    const formula = String(value.formula ?? "").toUpperCase();
    const constant = constantFormulas[formula];
    if (constant) return { text: constant };
    return { unreadable: `the formula =${String(value.formula ?? value.sharedFormula)} has no saved result` };
  }
  if ("text" in value) {
    const text = value.text;
    return {
      text: tidy(typeof text === "string" ? text : richText((text as { richText?: unknown })?.richText)),
    };
  }
  return { unreadable: "the cell's value is of an unknown kind" };
}

function tidy(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}
