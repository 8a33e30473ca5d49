import { ParallaxError } from "../../errors.ts";
import type { IssueLog } from "./issues.ts";
import type { RawSheet, XlsformWorkbook } from "./types.ts";

export interface XlsformSheets {
  survey: RawSheet;
  choices?: RawSheet;
  settings?: RawSheet;
  externalChoices?: RawSheet;
}

const readSheets = ["survey", "choices", "settings", "external_choices"];

// Edit distance, to point out a misspelt sheet name such as "stettings".
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** Finds the survey, choices, settings and external_choices sheets in any letter case. */
export function findSheets(workbook: XlsformWorkbook, log: IssueLog): XlsformSheets {
  const byName = (name: string) => workbook.sheets.find((sheet) => sheet.name.trim().toLowerCase() === name);
  const survey = byName("survey");
  if (!survey) {
    const names = workbook.sheets.map((sheet) => `"${sheet.name}"`).join(", ") || "none";
    throw new ParallaxError("XLSFORM_INVALID", "The XLSForm has no survey sheet", [
      { path: "survey", message: `the workbook has no sheet named "survey" (its sheets: ${names})` },
    ]);
  }
  for (const sheet of workbook.sheets) {
    const name = sheet.name.trim().toLowerCase();
    if (readSheets.includes(name) || sheet.rows.length === 0) continue;
    const near = readSheets.find((known) => distance(name, known) <= 2);
    log.warn(
      sheet.name,
      near
        ? `the sheet "${sheet.name}" is not read; did you mean "${near}"?`
        : `the sheet "${sheet.name}" is not an XLSForm sheet Parallax reads; ignored`,
    );
  }
  return {
    survey,
    choices: byName("choices"),
    settings: byName("settings"),
    externalChoices: byName("external_choices"),
  };
}
