import { describe, expect, it } from "vitest";
import { readCellText } from "./cellText.ts";
import { columnLetter } from "./issues.ts";
import { languageCode } from "./languageCode.ts";
import { parseHeader } from "./parseHeader.ts";
import { parseType } from "./parseType.ts";

describe("parseHeader", () => {
  it.each([
    ["label::English (en)", { field: "label", language: "English (en)" }],
    ["label:English", { field: "label", language: "English" }],
    ["LABEL::EN", { field: "label", language: "EN" }],
    ["bind:relevant", { field: "relevant" }],
    ["bind::relevant", { field: "relevant" }],
    ["bind:jr:constraintMsg", { field: "constraint_message" }],
    ["bind:jr:constraintMsg::Español", { field: "constraint_message", language: "Español" }],
    ["jr:constraintMsg", { field: "constraint_message" }],
    ["constraint_message::Chinese (zh)", { field: "constraint_message", language: "Chinese (zh)" }],
    ["control:appearance", { field: "appearance" }],
    ["List Name", { field: "list_name" }],
    ["media::image::English", { field: "media:image", language: "English" }],
    ["repeat_count", { field: "repeat_count" }],
    ["bind::saveIncomplete", { field: undefined }],
    ["instance::testAttribute", { field: undefined }],
    ["relevant::English", { field: undefined }],
  ])("%s", (header, meaning) => {
    expect(parseHeader(header)).toEqual(meaning);
  });
});

describe("parseType", () => {
  it.each([
    [
      "select_one yes_no",
      { kind: "select", mode: "one", list: "yes_no", orOther: false, source: { from: "choices" } },
    ],
    [
      "select one from sexes or specify other",
      { kind: "select", mode: "one", list: "sexes", orOther: true, source: { from: "choices" } },
    ],
    [
      "select all that apply from toilet_type",
      { kind: "select", mode: "multiple", list: "toilet_type", orOther: false, source: { from: "choices" } },
    ],
    [
      "select_multiple colors or_other",
      { kind: "select", mode: "multiple", list: "colors", orOther: true, source: { from: "choices" } },
    ],
    [
      "rank Places",
      { kind: "select", mode: "rank", list: "Places", orOther: false, source: { from: "choices" } },
    ],
    [
      "select_one_from_file  a.csv",
      { kind: "select", mode: "one", list: "a.csv", orOther: false, source: { from: "file", file: "a.csv" } },
    ],
    [
      "select_one_external c1",
      { kind: "select", mode: "one", list: "c1", orOther: false, source: { from: "external" } },
    ],
    ["begin_group", { kind: "begin", structure: "group" }],
    ["End Repeat", { kind: "end", structure: "repeat" }],
    ["begin loop over toilet_type", { kind: "begin-loop", list: "toilet_type" }],
    ["dateTime", { kind: "plain", type: "datetime" }],
    ["phone number", { kind: "plain", type: "phone number" }],
    ["uri:deviceid", { kind: "plain", type: "uri:deviceid" }],
    ["osm c1", { kind: "plain", type: "osm" }],
    ["select_one", { kind: "unknown", written: "select_one" }],
    ["wizardry", { kind: "unknown", written: "wizardry" }],
  ])("%s", (cell, type) => {
    expect(parseType(cell)).toEqual(type);
  });
});

describe("languageCode", () => {
  it.each([
    ["English (en)", "en", "code"],
    ["Spanish (es)", "es", "code"],
    ["Portuguese (pt)", "pt", "code"],
    ["Chinese (zh)", "zh-cn", "code"],
    ["EN", "en", "code"],
    ["english", "en", "name"],
    ["Español", "es", "name"],
    ["中文", "zh-cn", "name"],
    ["Swahili", "sw", "name"],
    ["Elvish Dialect", "elvish-dialect", "slug"],
  ])("%s → %s", (name, code, source) => {
    expect(languageCode(name)).toEqual({ code, source });
  });
});

describe("cells", () => {
  it("reads formulas by their saved result and rejects those without one", () => {
    expect(readCellText({ formula: "B2", result: "name1" })).toEqual({ text: "name1" });
    expect(readCellText({ formula: "TRUE()" })).toEqual({ text: "TRUE" });
    expect(readCellText({ formula: "F2" })).toEqual({ unreadable: "the formula =F2 has no saved result" });
    expect(readCellText({ text: "mail", hyperlink: "mailto:x" })).toEqual({ text: "mail" });
    expect(readCellText({ richText: [{ text: "a " }, { text: "b" }] })).toEqual({ text: "a b" });
    expect(readCellText(new Date(Date.UTC(2024, 3, 11)))).toEqual({ text: "2024-04-11" });
    expect(readCellText("  ")).toEqual({ text: undefined });
    expect(readCellText(true)).toEqual({ text: "TRUE" });
  });

  it("names columns as Excel does", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});
