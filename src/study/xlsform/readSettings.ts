import { cellPath } from "./issues.ts";
import type { RawSheet } from "./types.ts";

export interface XlsformSettings {
  /** Header (lower case, spaces as underscores) → value of the first row below it. */
  values: Record<string, string>;
  /** Where each value sits, for messages. */
  paths: Record<string, string>;
}

/** The settings sheet: one header row, one row of values. */
export function readSettings(sheet: RawSheet | undefined): XlsformSettings {
  const values: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const [header, first] = sheet?.rows ?? [];
  if (!sheet || !header || !first) return { values, paths };
  header.cells.forEach((name, offset) => {
    const value = first.cells[offset];
    if (name === undefined || value === undefined) return;
    const key = name.trim().toLowerCase().replace(/\s+/g, "_");
    values[key] = value;
    paths[key] = cellPath(sheet.name, first.rowNumber, offset + 1, name);
  });
  return { values, paths };
}
