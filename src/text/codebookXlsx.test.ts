import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ParallaxError } from "../errors.ts";
import { codebookFromXlsx, codebookToXlsx } from "./codebookXlsx.ts";
import { testCodebook } from "./testCodebook.ts";

const languages = ["en", "zh-cn", "es", "pt"];

async function editWorkbook(
  bytes: Uint8Array,
  edit: (workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function rejection(bytes: Uint8Array): Promise<ParallaxError> {
  return codebookFromXlsx(bytes, "keywords", "cb.xlsx").then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: ParallaxError) => error,
  );
}

describe("codebook workbooks", () => {
  it("round-trips a codebook through sheets codes, patterns and nets", async () => {
    const original = testCodebook();
    const bytes = await codebookToXlsx(original, languages);
    expect(await codebookFromXlsx(bytes, "keywords", "cb.xlsx")).toEqual(original);
  });

  it("names sheet, row and column of each problem", async () => {
    const bytes = await editWorkbook(await codebookToXlsx(testCodebook(), languages), (workbook) => {
      const patterns = workbook.getWorksheet("patterns") as ExcelJS.Worksheet;
      patterns.getCell("A2").value = "unknown_code";
      patterns.getCell("C3").value = "lemma";
      patterns.getCell("D4").value = "(unclosed";
      patterns.getCell("C4").value = "regex";
      const nets = workbook.getWorksheet("nets") as ExcelJS.Worksheet;
      nets.getCell("B2").value = "technology; ghost";
    });
    const error = await rejection(bytes);
    expect(error.code).toBe("CODEBOOK_INVALID");
    expect(error.details).toEqual([
      {
        path: "cb.xlsx sheet patterns row 2 column A (code)",
        message: "no code unknown_code on sheet codes",
      },
      {
        path: "cb.xlsx sheet patterns row 3 column C (kind)",
        message: "must be word, stem, phrase or regex",
      },
      {
        path: "cb.xlsx sheet patterns row 4 column D (pattern)",
        message: expect.stringMatching(/^not a valid regular/),
      },
      { path: "cb.xlsx sheet nets row 2 column B (codes)", message: "no code ghost in this codebook" },
    ]);
  });

  it("reports a missing sheet and a missing column", async () => {
    const bytes = await editWorkbook(await codebookToXlsx(testCodebook(), languages), (workbook) => {
      workbook.removeWorksheet((workbook.getWorksheet("codes") as ExcelJS.Worksheet).id);
      (workbook.getWorksheet("patterns") as ExcelJS.Worksheet).getCell("C1").value = "type";
    });
    expect((await rejection(bytes)).details).toEqual([
      { path: "cb.xlsx sheet codes", message: "is missing" },
      { path: "cb.xlsx sheet patterns row 1", message: "has no column kind" },
    ]);
  });
});
