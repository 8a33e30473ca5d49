// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes its references as ${name} inside plain strings
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { isParallaxError } from "../../errors.ts";
import { convertXlsform } from "./convertXlsform.ts";
import type { JsonObject, XlsformWorkbook } from "./types.ts";

/** A workbook from rows of cells; "" is an empty cell and row numbers follow Excel's, from 1. */
function workbook(sheets: Record<string, string[][]>): XlsformWorkbook {
  return {
    unreadable: [],
    sheets: Object.entries(sheets).map(([name, rows]) => ({
      name,
      rows: rows.map((cells, index) => ({
        rowNumber: index + 1,
        cells: cells.map((cell) => (cell === "" ? undefined : cell)),
      })),
    })),
  };
}

function errorsOf(book: XlsformWorkbook): { path: string; message: string }[] {
  try {
    convertXlsform(book);
  } catch (error) {
    if (isParallaxError(error) && error.code === "XLSFORM_INVALID") return error.details;
    throw error;
  }
  throw new Error("the workbook imported");
}

function elements(survey: JsonObject, page = 0): JsonObject[] {
  return ((survey.pages as JsonObject[])[page] as JsonObject).elements as JsonObject[];
}

describe("convertXlsform", () => {
  it("puts each language under its SurveyJS locale, the default one under default", () => {
    const result = convertXlsform(
      workbook({
        Survey: [
          [
            "type",
            "name",
            "label::English (en)",
            "label:Español",
            "label::Chinese (zh)",
            "hint::English (en)",
          ],
          ["integer", "age", "Age?", "¿Edad?", "年龄？", "In years"],
          ["select_one yn", "ok", "OK?", "¿Bien?", "好吗？", ""],
        ],
        CHOICES: [
          ["list name", "name", "label", "label::Chinese (zh)"],
          ["yn", "yes", "Yes", "是"],
          ["yn", "no", "No", "否"],
        ],
        settings: [["default_language"], ["Español"]],
      }),
    );
    expect(result.languages.map((language) => [language.code, language.isDefault])).toEqual([
      ["en", false],
      ["es", true],
      ["zh-cn", false],
    ]);
    const [age, ok] = elements(result.survey) as [JsonObject, JsonObject];
    expect(age.title).toEqual({ en: "Age?", default: "¿Edad?", "zh-cn": "年龄？" });
    expect(age.description).toEqual({ en: "In years" });
    // The unnamed label column stands in for the default language.
    expect((ok.choices as JsonObject[])[0]).toEqual({
      value: "yes",
      text: { default: "Yes", "zh-cn": "是" },
    });
    const model = new Model(result.survey);
    model.locale = "zh-cn";
    expect(model.getQuestionByName("age").title).toBe("年龄？");
  });

  it("warns about a language it can only name by a slug", () => {
    const result = convertXlsform(
      workbook({
        survey: [
          ["type", "name", "label::Klingonese"],
          ["text", "a", "A?"],
        ],
      }),
    );
    expect(result.languages[0]?.code).toBe("klingonese");
    expect(result.warnings).toContainEqual({
      path: "survey!label::Klingonese",
      message: expect.stringContaining("names no known language"),
    });
  });

  it("translates relevant, required, constraints and their messages, in old and new column spellings", () => {
    const result = convertXlsform(
      workbook({
        survey: [
          [
            "type",
            "name",
            "label",
            "bind:relevant",
            "required",
            "constraint",
            "bind:jr:constraintMsg",
            "read_only",
            "default",
          ],
          ["integer", "age", "Age", "", "yes", ". >= 18 and . <= 70", "18 to 70", "", "30"],
          ["text", "job", "Job", "${age} > 20", "${age} > 30", "", "", "${age} > 60", ""],
          ["text", "code", "Code", "", "", "regex(., '^[A-Z]+$')", "Capitals", "", ""],
        ],
      }),
    );
    const [age, job, code] = elements(result.survey) as [JsonObject, JsonObject, JsonObject];
    expect(age).toMatchObject({ isRequired: true, defaultValue: 30 });
    expect(age.validators).toContainEqual({
      type: "expression",
      expression: "{age} >= 18 and {age} <= 70",
      text: "18 to 70",
    });
    expect(job).toMatchObject({
      visibleIf: "{age} > 20",
      requiredIf: "{age} > 30",
      enableIf: "!({age} > 60)",
    });
    expect(code.validators).toEqual([{ type: "regex", regex: "^[A-Z]+$", text: "Capitals" }]);
    const model = new Model(result.survey);
    model.setValue("age", 80);
    expect(model.getQuestionByName("age").validate()).toBe(false);
    model.setValue("age", 40);
    expect(model.getQuestionByName("age").validate()).toBe(true);
    expect(model.getQuestionByName("job").isVisible).toBe(true);
  });

  it("turns groups into panels, field-list groups into pages and repeats into dynamic panels", () => {
    const result = convertXlsform(
      workbook({
        survey: [
          ["type", "name", "label", "appearance", "repeat_count", "relevant", "calculation"],
          ["integer", "n", "How many?", "", "", "", ""],
          ["begin group", "p1", "Page one", "field-list", "", "", ""],
          ["text", "a", "A", "", "", "", ""],
          ["end group", "", "", "", "", "", ""],
          ["begin repeat", "people", "Person", "", "${n}", "${n} > 0", ""],
          ["integer", "weight", "Weight", "", "", "", ""],
          ["calculate", "double", "", "", "", "", "${weight} * 2"],
          ["note", "show", "Twice: ${double}", "", "", "${weight} > 1", ""],
          ["end repeat", "", "", "", "", "", ""],
          ["calculate", "total", "", "", "", "", "sum(${weight})"],
          ["start", "started", "", "", "", "", ""],
        ],
      }),
    );
    const pages = result.survey.pages as JsonObject[];
    expect(pages.map((page) => page.name)).toEqual(["page1", "p1", "page3"]);
    expect(pages[1]).toMatchObject({ title: "Page one" });
    const people = elements(result.survey, 2)[0] as JsonObject;
    expect(people).toMatchObject({
      type: "paneldynamic",
      bindings: { panelCount: "n" },
      visibleIf: "{n} > 0",
    });
    expect(people.templateElements).toEqual([
      {
        type: "text",
        name: "weight",
        inputType: "number",
        validators: [{ type: "regex", regex: "^-?[0-9]+$" }],
        title: "Weight",
      },
      { type: "expression", name: "double", expression: "{panel.weight} * 2", visible: false },
      { type: "html", name: "show", html: "Twice: {panel.double}", visibleIf: "{panel.weight} > 1" },
    ]);
    expect(result.survey.calculatedValues).toEqual([
      { name: "total", expression: "sumInArray({people}, 'weight')", includeIntoResult: true },
    ]);
    expect(result.metadata).toEqual([{ name: "started", type: "start", row: 12 }]);
    expect(result.questionCount).toBe(5);
    const model = new Model(result.survey);
    model.setValue("n", 2);
    model.setValue("people", [{ weight: 3 }, { weight: 4 }]);
    expect(model.getCalculatedValueByName("total").value).toBe(7);
  });

  it("filters choices by their own columns", () => {
    const result = convertXlsform(
      workbook({
        survey: [
          ["type", "name", "label", "choice_filter"],
          ["select_one country", "country", "Country", ""],
          ["select_multiple city", "city", "City", "country = ${country}"],
        ],
        choices: [
          ["list_name", "name", "label", "country"],
          ["country", "cn", "China", ""],
          ["country", "br", "Brazil", ""],
          ["city", "sh", "Shanghai", "cn"],
          ["city", "sp", "São Paulo", "br"],
        ],
      }),
    );
    const city = elements(result.survey)[1] as JsonObject;
    expect(city.type).toBe("checkbox");
    expect(city.choices).toEqual([
      { value: "sh", text: "Shanghai", visibleIf: "'cn' = {country}" },
      { value: "sp", text: "São Paulo", visibleIf: "'br' = {country}" },
    ]);
    const model = new Model(result.survey);
    model.setValue("country", "br");
    const visible = (model.getQuestionByName("city") as unknown as { visibleChoices: { value: string }[] })
      .visibleChoices;
    expect(visible.map((choice) => choice.value)).toEqual(["sp"]);
  });

  it("names sheet, row and column for everything it cannot express", () => {
    const details = errorsOf(
      workbook({
        survey: [
          ["type", "name", "label", "relevant"],
          ["text", "a", "A", ""],
          ["text", "a", "Again", ""],
          ["select_one nowhere", "b", "B", ""],
          ["select_one_from_file places.csv", "c", "C", ""],
          ["begin group", "g", "G", ""],
          ["text", "d", "D", "${zzz} = 1"],
          ["geotrace", "e", "E", ""],
          ["magic", "f", "F", ""],
          ["end repeat", "", "", ""],
        ],
      }),
    );
    expect(details).toEqual([
      { path: "survey!B3 (name)", message: expect.stringContaining('"a" is already used in row 2') },
      {
        path: "survey!A9 (type)",
        message: expect.stringContaining('"magic" is not an XLSForm question type'),
      },
      { path: "survey!A10 (type)", message: expect.stringContaining('closes the group "g" begun in row 6') },
      {
        path: "survey!A4 (type)",
        message: expect.stringContaining('the list "nowhere" is not in the choices sheet'),
      },
      { path: "survey!A5 (type)", message: expect.stringContaining("places.csv") },
      { path: "survey!D7 (relevant)", message: expect.stringContaining("${zzz} is not a name") },
      { path: "survey!A8 (type)", message: expect.stringContaining("line drawn on a map") },
    ]);
  });

  it("rejects a workbook without a survey sheet, and duplicate choices unless allowed", () => {
    expect(errorsOf(workbook({ Sheet1: [["type", "name"]] }))[0]?.path).toBe("survey");
    const duplicates = {
      survey: [
        ["type", "name", "label"],
        ["select_one l", "q", "Q"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["l", "x", "X"],
        ["l", "x", "X again"],
      ],
    };
    expect(errorsOf(workbook(duplicates))).toEqual([
      { path: "choices!B3 (name)", message: expect.stringContaining("allow_choice_duplicates") },
    ]);
    const allowed = convertXlsform(
      workbook({ ...duplicates, settings: [["allow_choice_duplicates"], ["yes"]] }),
    );
    expect(allowed.choiceLists).toEqual({ l: 2 });
  });

  it("maps the remaining types and appearances", () => {
    const result = convertXlsform(
      workbook({
        survey: [
          ["type", "name", "label", "appearance", "parameters"],
          ["select_one l or_other", "s1", "S1", "minimal", ""],
          ["select_multiple l", "s2", "S2", "columns-3", ""],
          ["rank l", "r", "R", "", ""],
          ["range", "rg", "Rg", "", "start=0 end=10 step=2"],
          ["text", "t", "T", "multiline", ""],
          ["date", "d", "D", "", ""],
          ["time", "tm", "Tm", "", ""],
          ["dateTime", "dt", "Dt", "", ""],
          ["acknowledge", "ack", "Ack", "", ""],
          ["image", "img", "Img", "signature", ""],
          ["decimal", "dec", "Dec", "", ""],
        ],
        choices: [
          ["list_name", "name", "label"],
          ["l", "x", "X"],
        ],
      }),
    );
    const types = elements(result.survey).map((element) => [
      element.type,
      element.inputType ?? element.colCount ?? "",
    ]);
    expect(types).toEqual([
      ["dropdown", ""],
      ["checkbox", 3],
      ["ranking", ""],
      ["rating", ""],
      ["comment", ""],
      ["text", "date"],
      ["text", "time"],
      ["text", "datetime-local"],
      ["boolean", ""],
      ["signaturepad", ""],
      ["text", "number"],
    ]);
    expect(elements(result.survey)[0]).toMatchObject({ showOtherItem: true });
    expect(elements(result.survey)[3]).toMatchObject({ rateMin: 0, rateMax: 10, rateStep: 2 });
    expect(new Model(result.survey).getAllQuestions()).toHaveLength(11);
  });
});
