import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import type { ExportResponse } from "./exportTable.ts";
import { exportXlsx } from "./exportXlsx.ts";

const questionnaire: QuestionnaireJson = {
  pages: [
    {
      name: "p1",
      elements: [
        { type: "text", name: "age", inputType: "number", title: { default: "Age", "zh-cn": "年龄" } },
        {
          type: "radiogroup",
          name: "country",
          title: { default: "Country", "zh-cn": "国家" },
          choices: [{ value: "cn", text: { default: "China", "zh-cn": "中国" } }],
        },
      ],
    },
  ],
};

const study = {
  id: "s",
  title: { en: "S", "zh-cn": "研究" },
  languages: ["zh-cn"],
  concepts: [],
  populations: [{ id: "china", name: { en: "China", "zh-cn": "中国公众" }, languages: ["zh-cn"] }],
} as unknown as StudyDefinition;

const response: ExportResponse = {
  id: "r1",
  populationId: "china",
  siteId: "cn",
  language: "zh-cn",
  mode: "web",
  status: "complete",
  questionnaireVersion: "v1",
  receivedAt: "2025-05-02T10:05:00.000Z",
  answers: { age: "41", country: "cn" },
  paradata: {},
};

describe("exportXlsx", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await exportXlsx(study, { china: questionnaire }, [response], "zh-cn")).buffer as ArrayBuffer,
  );
  const data = workbook.getWorksheet("data");
  const codebook = workbook.getWorksheet("codebook");
  if (!data || !codebook) throw new Error("the workbook lacks its data or codebook sheet");

  it("writes names, then labels, frozen, and numeric answers as numbers", () => {
    const names = (data.getRow(1).values as unknown[]).slice(1);
    expect(names).toContain("age");
    const age = names.indexOf("age") + 1;
    expect(data.getRow(2).getCell(age).value).toBe("年龄");
    expect(data.getRow(2).getCell(1).value).toBe("回答编号");
    expect(data.getRow(3).getCell(age).value).toBe(41);
    expect(data.getRow(3).getCell(age + 1).value).toBe("cn");
    expect(data.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
  });

  it("writes the codebook in the chosen language", () => {
    const rows = codebook
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows).toContainEqual(["country", "国家", "categorical", "cn=中国", "中国公众"]);
    expect(rows).toContainEqual(["duration_seconds", "时长（秒）", "numeric"]);
  });
});
