import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import { type ExportResponse, type ExportValue, exportTable, valueLabelsText } from "./exportTable.ts";

const numericTypes = new Set(["numeric", "rank", "binary"]);

/**
 * A workbook with a `data` sheet (row 1 the variable names, row 2 their labels in the chosen language, both
 * frozen; numbers stored as numbers) and a `codebook` sheet (variable, label, type, value labels,
 * populations). De-identified: it holds only what exportTable holds.
 */
export async function exportXlsx(
  study: StudyDefinition,
  questionnaires: Record<string, QuestionnaireJson>,
  responses: ExportResponse[],
  language: string,
): Promise<Uint8Array> {
  const table = exportTable(study, questionnaires, responses, language);
  // The streaming writer commits rows as it goes: the in-memory workbook needs ~1 GB for the demo's rows.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  workbook.creator = "Parallax";

  const data = workbook.addWorksheet("data", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  data.columns = table.columns.map((column) => ({
    width: Math.min(40, Math.max(10, column.name.length + 2)),
  }));
  const names = data.addRow(table.columns.map((column) => column.name));
  names.font = { bold: true };
  names.commit();
  const labels = data.addRow(table.columns.map((column) => column.label));
  labels.font = { italic: true };
  labels.commit();
  const asNumber = table.columns.map((column) => numericTypes.has(column.type));
  for (const row of table.rows) {
    data.addRow(row.map((value, index) => cellValue(value, asNumber[index]))).commit();
  }
  data.commit();

  const codebook = workbook.addWorksheet("codebook", { views: [{ state: "frozen", ySplit: 1 }] });
  codebook.columns = [30, 60, 12, 60, 30].map((width) => ({ width }));
  const header = codebook.addRow(["variable", "label", "type", "value_labels", "populations"]);
  header.font = { bold: true };
  header.commit();
  for (const column of table.columns) {
    codebook
      .addRow([
        column.name,
        column.label,
        column.type,
        valueLabelsText(column),
        column.populations.join(" | "),
      ])
      .commit();
  }
  codebook.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function cellValue(value: ExportValue, numeric: boolean): string | number | null {
  if (value === null) return null;
  if (numeric && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return value;
}
