import { localize } from "../../../study/localize.ts";
import type { QuestionnaireJson, StudyDefinition } from "../../../study/types.ts";
import { type ExportColumn, type ExportResponse, type ExportValue, exportTable } from "../exportTable.ts";
import { utf8Length } from "./byteWriter.ts";
import { spssName } from "./savNames.ts";
import { type SavResult, type SavVariable, writeSav } from "./writeSav.ts";

/** The export's column that weights cases, when a weighting step adds one. */
export const weightColumn = "weight";

const numericTypes = new Set(["numeric", "rank", "binary"]);

interface SavColumn {
  variable: SavVariable;
  convert(value: ExportValue): ExportValue;
  /** For categorical string codes: the document lines that keep each numeric code's original choice value. */
  documents: string[];
}

const isNumber = (value: ExportValue): value is number => typeof value === "number" && Number.isFinite(value);

function textColumn(name: string, label: string, values: ExportValue[]): SavColumn {
  const width = Math.max(1, ...values.map((value) => (value === null ? 0 : utf8Length(String(value)))));
  return { variable: { name, label, kind: "string", width }, convert: (value) => value, documents: [] };
}

function numericColumn(name: string, column: ExportColumn, values: ExportValue[]): SavColumn {
  const labels = (column.valueLabels ?? []).filter((entry): entry is [number, string] => isNumber(entry[0]));
  return {
    variable: {
      name,
      label: column.label,
      kind: "numeric",
      decimals: values.every((value) => value === null || Number.isInteger(value)) ? 0 : 2,
      measure: column.type === "rank" ? "ordinal" : column.type === "numeric" ? "scale" : "nominal",
      valueLabels: labels.length ? labels : undefined,
    },
    convert: (value) => value,
    documents: [],
  };
}

/**
 * Categorical string codes become numeric codes 1..k in the order of the choices (values met in the data but
 * not among the choices follow, labelled with themselves); the value labels carry the choice labels and the
 * file's documents keep each code's original choice value, e.g. "country: 2=mx".
 */
function codedColumn(name: string, column: ExportColumn, values: ExportValue[]): SavColumn {
  const codes = new Map<string, { code: number; label: string }>();
  for (const [value, label] of column.valueLabels ?? []) {
    if (!codes.has(String(value))) codes.set(String(value), { code: codes.size + 1, label });
  }
  for (const value of values) {
    if (value !== null && !codes.has(String(value))) {
      codes.set(String(value), { code: codes.size + 1, label: String(value) });
    }
  }
  return {
    variable: {
      name,
      label: column.label,
      kind: "numeric",
      decimals: 0,
      measure: "nominal",
      valueLabels: [...codes.values()].map(({ code, label }) => [code, label]),
    },
    convert: (value) => (value === null ? null : (codes.get(String(value))?.code ?? null)),
    documents: [...codes].map(([value, { code }]) => `${name}: ${code}=${value}`),
  };
}

function savColumn(name: string, column: ExportColumn, values: ExportValue[]): SavColumn {
  const allNumbers = values.every((value) => value === null || isNumber(value));
  if (numericTypes.has(column.type) && allNumbers) return numericColumn(name, column, values);
  if (column.type === "categorical") {
    const numericCodes = (column.valueLabels ?? []).every(([value]) => isNumber(value));
    return allNumbers && numericCodes
      ? numericColumn(name, column, values)
      : codedColumn(name, column, values);
  }
  return textColumn(name, column.label, values);
}

/**
 * A study's responses as an SPSS system file, labelled in the chosen language. Empty answers are
 * system-missing (numeric) or blank (string); no user-missing values are declared since the export has no
 * missing-value codes. De-identified: it holds only what exportTable holds (no user agent, no personal data).
 */
export function exportSav(
  study: StudyDefinition,
  questionnaires: Record<string, QuestionnaireJson>,
  responses: ExportResponse[],
  language: string,
  createdAt?: Date,
): SavResult {
  const table = exportTable(study, questionnaires, responses, language);
  const taken = new Set<string>();
  const columns = table.columns.map((column, index) =>
    savColumn(
      spssName(column.name, taken),
      column,
      table.rows.map((row) => row[index]),
    ),
  );
  const weightAt = table.columns.findIndex((column) => column.name === weightColumn);
  return writeSav({
    variables: columns.map((column) => column.variable),
    rows: table.rows.map((row) => row.map((value, index) => columns[index].convert(value))),
    weight:
      weightAt >= 0 && columns[weightAt].variable.kind === "numeric"
        ? columns[weightAt].variable.name
        : undefined,
    fileLabel: localize(study.title, language) ?? study.id,
    documents: columns.flatMap((column) => column.documents),
    createdAt,
  });
}
