import { convertXlsform } from "./convertXlsform.ts";
import { readXlsformWorkbook } from "./readWorkbook.ts";
import type { XlsformImport } from "./types.ts";

/** Imports an .xlsx XLSForm given as bytes: read the workbook, then convert it to SurveyJS JSON. */
export async function importXlsform(bytes: Uint8Array): Promise<XlsformImport> {
  return convertXlsform(await readXlsformWorkbook(bytes));
}
