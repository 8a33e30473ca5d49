import { readFileSync } from "node:fs";
import { Model, type PanelModel, type Question } from "survey-core";
import { describe, expect, it } from "vitest";
import { isParallaxError, type ParallaxError } from "../../errors.ts";
import { convertXlsform } from "./convertXlsform.ts";
import { readXlsformWorkbook } from "./readWorkbook.ts";
import type { XlsformImport, XlsformWorkbook } from "./types.ts";

const fixtureDir = new URL("../../../../shared/fixtures/xlsform/", import.meta.url);

type Expected =
  | {
      imports: true;
      questions: number;
      lists: Record<string, number>;
      languages: string[];
      warningPaths?: string[];
    }
  | { imports: false; errorPaths: string[] };

// Written down from reading each workbook's sheets (see the report's table).
const fixtures: Record<string, Expected> = {
  "bug_example_xls__ODKValidateWarnings.xlsx": {
    imports: true,
    questions: 3,
    lists: { a: 1 },
    languages: ["en"],
    warningPaths: ["survey!D2", "choices!A2 (list_name)"],
  },
  "bug_example_xls__UCL_Biomass_Plot_Form.xlsx": {
    imports: false,
    errorPaths: [
      "survey!H9 (relevant)",
      "survey!A16 (type)",
      "survey!N26 (calculation)",
      "survey!O43 (repeat_count)",
    ],
  },
  "bug_example_xls__bad_calc.xlsx": { imports: false, errorPaths: ["survey!D2 (calculation)"] },
  "bug_example_xls__duplicate_columns.xlsx": {
    imports: false,
    errorPaths: ["survey!E1 (label)", "survey!L7 (relevant)"],
  },
  "bug_example_xls__xl_date_ambiguous.xlsx": {
    imports: true,
    questions: 4,
    lists: { names_list: 3 },
    languages: ["en"],
    warningPaths: ["changelog"],
  },
  "bug_example_xls__xl_date_ambiguous_v1.xlsx": {
    imports: true,
    questions: 5,
    lists: { names_list: 3 },
    languages: ["en"],
  },
  "example_xls__attribute_columns_test.xlsx": { imports: false, errorPaths: ["survey!N7 (relevant)"] },
  "example_xls__bad_calc.xlsx": { imports: false, errorPaths: ["survey!D2 (calculation)"] },
  "example_xls__case_insensitivity.xlsx": { imports: false, errorPaths: ["SURVEY!A4 (TYPE)"] },
  "example_xls__choice_filter_test.xlsx": {
    imports: true,
    questions: 3,
    lists: { states: 2, counties: 4, cities: 8 },
    languages: ["default"],
  },
  "example_xls__extra_columns.xlsx": { imports: true, questions: 1, lists: {}, languages: ["default"] },
  "example_xls__extra_sheet_names.xlsx": { imports: true, questions: 1, lists: {}, languages: ["default"] },
  "example_xls__field-list.xlsx": {
    imports: true,
    questions: 1,
    lists: { yes_no: 2 },
    languages: ["en", "zh-cn"],
  },
  "example_xls__flat_xlsform_test.xlsx": { imports: false, errorPaths: ["survey!N3 (relevant)"] },
  "example_xls__group.xlsx": { imports: true, questions: 3, lists: {}, languages: ["en"] },
  "example_xls__include.xlsx": { imports: false, errorPaths: ["survey!A3 (type)"] },
  "example_xls__include_json.xlsx": { imports: false, errorPaths: ["survey!A2 (type)"] },
  // One select plus a loop of one question over three toilet types.
  "example_xls__loop.xlsx": { imports: true, questions: 4, lists: { toilet_type: 3 }, languages: ["en"] },
  "example_xls__or_other.xlsx": { imports: false, errorPaths: ["survey!D3 (choice_filter)"] },
  "example_xls__pull_data.xlsx": { imports: false, errorPaths: ["survey!D2 (calculation)"] },
  "example_xls__specify_other.xlsx": { imports: true, questions: 1, lists: { sexes: 2 }, languages: ["en"] },
  "example_xls__survey_no_name.xlsx": { imports: false, errorPaths: ["survey"] },
  "example_xls__text_and_integer.xlsx": { imports: true, questions: 2, lists: {}, languages: ["en"] },
  "example_xls__xlsform_spec_test.xlsx": { imports: false, errorPaths: ["survey!N7 (relevant)"] },
  "example_xls__yes_or_no_question.xlsx": {
    imports: true,
    questions: 1,
    lists: { yes_or_no: 2 },
    languages: ["en"],
  },
};

function workbookBytes(file: string): Uint8Array {
  return readFileSync(new URL(file, fixtureDir));
}

/** Questions as survey-core sees them, counting each question of a repeat's template once. */
function surveyCoreQuestionCount(json: object): number {
  const model = new Model(json);
  const count = (questions: Question[]): number =>
    questions.reduce((total, question) => {
      if (question.getType() !== "paneldynamic") return total + 1;
      return total + count((question as unknown as { template: PanelModel }).template.questions);
    }, 0);
  return count(model.getAllQuestions());
}

/** Choice list sizes counted straight from the choices sheet's rows. */
function listSizesFromSheet(workbook: XlsformWorkbook): Record<string, number> {
  const sheet = workbook.sheets.find((candidate) => candidate.name.toLowerCase() === "choices");
  const sizes: Record<string, number> = {};
  for (const row of sheet?.rows.slice(1) ?? []) {
    const list = row.cells[0];
    if (list !== undefined && row.cells[1] !== undefined) sizes[list] = (sizes[list] ?? 0) + 1;
  }
  return sizes;
}

async function convert(
  file: string,
): Promise<{ workbook: XlsformWorkbook; outcome: XlsformImport | ParallaxError }> {
  const workbook = await readXlsformWorkbook(workbookBytes(file));
  try {
    return { workbook, outcome: convertXlsform(workbook) };
  } catch (error) {
    if (!isParallaxError(error)) throw error;
    return { workbook, outcome: error };
  }
}

describe("the pyxform fixture forms", () => {
  it("has an expectation for every fixture", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync(fixtureDir).filter((file) => file.endsWith(".xlsx"));
    expect(files.sort()).toEqual(Object.keys(fixtures).sort());
  });

  for (const [file, expected] of Object.entries(fixtures)) {
    it(`${expected.imports ? "imports" : "rejects"} ${file}`, async () => {
      const { workbook, outcome } = await convert(file);
      if (!expected.imports) {
        expect(isParallaxError(outcome)).toBe(true);
        const error = outcome as ParallaxError;
        expect(error.code).toBe("XLSFORM_INVALID");
        const paths = error.details.map((detail) => detail.path);
        for (const path of expected.errorPaths) expect(paths).toContain(path);
        for (const detail of error.details) expect(detail.message.length).toBeGreaterThan(10);
        return;
      }
      expect(isParallaxError(outcome)).toBe(false);
      const result = outcome as XlsformImport;
      expect(result.questionCount).toBe(expected.questions);
      expect(surveyCoreQuestionCount(result.survey)).toBe(expected.questions);
      expect(result.choiceLists).toEqual(expected.lists);
      expect(result.choiceLists).toEqual(listSizesFromSheet(workbook));
      expect(result.languages.map((language) => language.code)).toEqual(expected.languages);
      const warningPaths = result.warnings.map((warning) => warning.path);
      for (const path of expected.warningPaths ?? []) expect(warningPaths).toContain(path);
      const model = new Model(result.survey);
      const unknown = (model.jsonErrors ?? []).map((error) => error.message);
      expect(unknown).toEqual(["Unknown property in class 'survey': 'metadata'."]);
    });
  }

  it("imports the spec test form once its one regex() relevance is removed", async () => {
    const workbook = await readXlsformWorkbook(workbookBytes("example_xls__xlsform_spec_test.xlsx"));
    const survey = workbook.sheets.find((sheet) => sheet.name === "survey");
    const emailNote = survey?.rows.find((row) => row.rowNumber === 7);
    if (!emailNote) throw new Error("row 7 of the spec test has moved");
    emailNote.cells[13] = undefined;
    const result = convertXlsform(workbook);
    // 32 questions outside the repeat, 7 in it; calculate_test is a calculated value, 6 rows are metadata.
    expect(result.questionCount).toBe(39);
    expect(surveyCoreQuestionCount(result.survey)).toBe(39);
    expect(result.survey.calculatedValues).toEqual([
      { name: "calculate_test", expression: "2 + 2", includeIntoResult: true },
    ]);
    expect(result.metadata.map((field) => field.type)).toEqual([
      "start",
      "end",
      "today",
      "deviceid",
      "uri:deviceid",
      "phonenumber",
    ]);
    expect(result.languages).toEqual([
      { name: "english", code: "en", isDefault: true },
      { name: "chinese", code: "zh-cn", isDefault: false },
    ]);
    const warningPaths = result.warnings.map((warning) => warning.path);
    expect(warningPaths).toContain("survey!A34 (type)");
    expect(warningPaths).toContain("survey!X9 (autoplay)");
  });
});
