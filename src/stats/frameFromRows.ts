import {
  addColumn,
  type ColumnGroup,
  categoricalColumn,
  createFrame,
  type Frame,
  numericColumn,
} from "./frame.ts";

export type CellValue = string | number | boolean | null | undefined;

export interface FrameSchema {
  /** Levels in their intended order (e.g. an agreement scale); other categorical columns sort their values. */
  levels?: Record<string, string[]>;
  /** Select-multiple, ranking and open-ended code groups, by question name. */
  groups?: Record<string, ColumnGroup>;
}

/**
 * Builds a frame from plain records (e.g. valid responses). A column is numeric when every present
 * value is a number or boolean (true = 1), otherwise categorical; null, undefined and "" are missing.
 */
export function frameFromRows(
  rows: ReadonlyArray<Record<string, CellValue>>,
  schema: FrameSchema = {},
): Frame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const frame = createFrame(rows.length);
  for (const name of names) {
    const values = rows.map((row) => row[name]);
    const fixedLevels = schema.levels?.[name];
    const isNumeric =
      fixedLevels === undefined &&
      values.every(
        (value) => value === null || value === undefined || value === "" || typeof value !== "string",
      );
    if (isNumeric) {
      addColumn(
        frame,
        name,
        numericColumn(
          values.map((value) =>
            typeof value === "boolean" ? Number(value) : (value as number | null | undefined),
          ),
        ),
      );
    } else {
      const text = values.map((value) => (value === null || value === undefined ? null : String(value)));
      addColumn(frame, name, categoricalColumn(text, fixedLevels));
    }
  }
  for (const [name, group] of Object.entries(schema.groups ?? {})) {
    for (const item of group.items) {
      if (!frame.columns.has(item))
        addColumn(frame, item, numericColumn(new Float64Array(rows.length).fill(Number.NaN)));
    }
    frame.groups.set(name, group);
  }
  return frame;
}
