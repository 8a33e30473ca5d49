import { describe, expect, it } from "vitest";
import type { SurveyElementJson } from "../types.ts";
import { compileQuestionnaire } from "./compileQuestionnaire.ts";
import type { ValidateOptions } from "./types.ts";

function check(elements: SurveyElementJson[], answers: Record<string, unknown>, options?: ValidateOptions) {
  return compileQuestionnaire({ elements }).validate(answers, options);
}

function messages(
  elements: SurveyElementJson[],
  answers: Record<string, unknown>,
  options?: ValidateOptions,
) {
  return check(elements, answers, options).map((issue) => `${issue.path} ${issue.message}`);
}

describe("choices", () => {
  const origin = {
    type: "radiogroup",
    name: "origin",
    choices: ["ar", { value: "br", text: { default: "Brazil" } }],
    showOtherItem: true,
    showNoneItem: true,
  };
  it("accepts existing choices, none, and other with its text", () => {
    expect(messages([origin], { origin: "br" })).toEqual([]);
    expect(messages([origin], { origin: "none" })).toEqual([]);
    expect(messages([origin], { origin: "other", "origin-Comment": "Peru" })).toEqual([]);
  });
  it("rejects unknown choices, other without text and text without other", () => {
    expect(messages([origin], { origin: "xx" })).toEqual([
      'answers.origin "origin": "xx" is not one of its choices',
    ]);
    expect(messages([origin], { origin: "other" })).toEqual([
      'answers.origin-Comment "origin": the "other" answer needs its text',
    ]);
    expect(messages([origin], { origin: "ar", "origin-Comment": "Peru" })).toEqual([
      'answers.origin-Comment "origin": takes no comment with this answer',
    ]);
  });
  it("hides choices whose visibleIf is false", () => {
    const elements = [
      { type: "radiogroup", name: "country", choices: ["ar", "br"] },
      {
        type: "dropdown",
        name: "city",
        choices: [{ value: "rosario", visibleIf: "{country} = 'ar'" }, "santos"],
      },
    ];
    expect(messages(elements, { country: "br", city: "rosario" })).toEqual([
      'answers.city "city": "rosario" is not one of its choices',
    ]);
    expect(messages(elements, { country: "ar", city: "rosario" })).toEqual([]);
  });
  it("checks checkbox lists: type, members, repeats, none alone, limits", () => {
    const traits = {
      type: "checkbox",
      name: "traits",
      choices: ["kind", "smart", "lazy"],
      showNoneItem: true,
      maxSelectedChoices: 2,
      minSelectedChoices: 1,
    };
    expect(messages([traits], { traits: "kind" })).toEqual([
      'answers.traits "traits": must be a list of choices',
    ]);
    expect(messages([traits], { traits: ["kind", "rude"] })).toEqual([
      'answers.traits[1] "traits": "rude" is not one of its choices',
    ]);
    expect(messages([traits], { traits: ["kind", "kind"] })).toEqual([
      'answers.traits[1] "traits": "kind" is chosen twice',
    ]);
    expect(messages([traits], { traits: ["none", "kind"] })).toEqual([
      'answers.traits "traits": "none" cannot be combined with other choices',
    ]);
    expect(messages([traits], { traits: ["kind", "smart", "lazy"] })).toEqual([
      'answers.traits "traits": allows at most 2 choices',
    ]);
    expect(messages([traits], {})).toEqual(['answers.traits "traits": needs at least 1 choice']);
    expect(messages([traits], { traits: ["none"] })).toEqual([]);
  });
  it("checks tagbox like checkbox", () => {
    const tags = { type: "tagbox", name: "tags", choices: [1, 2, 3] };
    expect(messages([tags], { tags: [1, "2"] })).toEqual([
      'answers.tags[1] "tags": "2" is not one of its choices',
    ]);
    expect(messages([tags], { tags: [3, 1] })).toEqual([]);
  });
  it("checks rankings are complete orders of the items", () => {
    const rank = { type: "ranking", name: "rank", choices: ["us", "cn", "eu"] };
    expect(messages([rank], { rank: ["us", "cn"] })).toEqual(['answers.rank "rank": must rank all 3 items']);
    expect(messages([rank], { rank: ["us", "cn", "cn"] })).toEqual([
      'answers.rank[2] "rank": "cn" is chosen twice',
    ]);
    expect(messages([rank], { rank: ["eu", "us", "cn"] })).toEqual([]);
  });
  it("checks boolean and rating values", () => {
    const yes = { type: "boolean", name: "yes", valueTrue: "Y", valueFalse: "N" };
    expect(messages([yes], { yes: true })).toEqual(['answers.yes "yes": true is not one of "Y", "N"']);
    expect(messages([yes], { yes: "N" })).toEqual([]);
    const score = { type: "rating", name: "score", rateMin: 0, rateMax: 10 };
    expect(messages([score], { score: 11 })).toHaveLength(1);
    expect(messages([score], { score: "5" })).toHaveLength(1);
    expect(messages([score], { score: 0 })).toEqual([]);
  });
});

describe("grids", () => {
  const grid = {
    type: "matrix",
    name: "grid",
    rows: ["r1", "r2"],
    columns: [1, 2, 3],
    eachRowRequired: true,
  };
  it("checks rows, columns and every row answered", () => {
    expect(messages([grid], { grid: ["r1"] })).toEqual([
      'answers.grid "grid": must be an object of row → column',
    ]);
    expect(messages([grid], { grid: { r1: 1, r3: 2 } })).toEqual(['answers.grid.r3 "grid": has no row "r3"']);
    expect(messages([grid], { grid: { r1: 1, r2: 4 } })).toEqual([
      'answers.grid.r2 "grid": 4 is not one of its columns',
    ]);
    expect(messages([grid], { grid: { r1: 1 } })).toEqual([
      'answers.grid "grid": needs an answer in every row',
    ]);
    expect(messages([grid], { grid: { r1: 1 } }, { partial: true })).toEqual([]);
    expect(messages([grid], { grid: { r1: 1, r2: 3 } })).toEqual([]);
  });
  it("checks multiple text items: names, types, required items, item validators", () => {
    const contact = {
      type: "multipletext",
      name: "contact",
      items: [
        { name: "name", isRequired: true },
        { name: "age", inputType: "number", validators: [{ type: "numeric", maxValue: 120 }] },
      ],
    };
    expect(messages([contact], { contact: { name: "Ana", phone: "1" } })).toEqual([
      'answers.contact.phone "contact.phone": is not one of its items',
    ]);
    expect(messages([contact], { contact: { name: "Ana", age: "3" } })).toEqual([
      'answers.contact.age "contact.age": must be a number',
    ]);
    expect(messages([contact], { contact: { age: 130 } })).toEqual([
      'answers.contact.name "contact.name": needs an answer',
      'answers.contact.age "contact.age": must be at most 120',
    ]);
    expect(messages([contact], { contact: { name: "Ana", age: 30 } })).toEqual([]);
  });
});
