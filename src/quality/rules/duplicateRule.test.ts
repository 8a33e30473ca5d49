import { describe, expect, it } from "vitest";
import { packAnswers } from "../encodeAnswers.ts";
import type { OutlineQuestion, QuestionnaireOutline } from "../questionnaireOutline.ts";
import type { ScreenedResponse } from "../types.ts";
import { answerText } from "./duplicateRule.ts";

const question = (name: string, kind: OutlineQuestion["kind"], choices: string[]): OutlineQuestion => ({
  name,
  page: "p",
  type: kind,
  kind,
  required: false,
  conditions: [],
  choices,
});
const questions = [
  question("a", "multiple", ["x", "y"]),
  question("b", "single", ["x"]),
  question("c", "open", []),
];
const outline: QuestionnaireOutline = {
  questions,
  byName: new Map(questions.map((item) => [item.name, item])),
  pages: ["p"],
};
const names = questions.map((item) => item.name);
const hashes = (list: Array<Record<string, unknown>>) => {
  const responses: ScreenedResponse[] = list.map((answers, index) => ({
    id: String(index),
    population: "p",
    language: "en",
    mode: "web",
    answers,
    paradata: {},
  }));
  return Array.from(packAnswers(responses, outline).hashes);
};

describe("the answer hash of packAnswers", () => {
  it("agrees whenever the answer texts agree, whatever the types that made them", () => {
    const pairs: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [
        { a: 1, b: "x" },
        { a: "1", b: "x" },
      ],
      [{ a: ["x", "y"] }, { a: "x\u0001y" }],
      [{ a: ["x", "z"] }, { a: ["x\u0001z"] }],
      [{ b: ["x"] }, { b: "x" }],
      [{ a: ["x", null, "y"] }, { a: ["x", undefined, "y"] }],
      [
        { a: [], c: null },
        { a: "", c: "null" },
      ],
      [
        { a: "x", c: true },
        { a: "x", b: "", c: "true" },
      ],
    ];
    for (const [left, right] of pairs) {
      expect(answerText(left, names)).toBe(answerText(right, names));
      const [one, other] = hashes([left, right]);
      expect(one).toBe(other);
    }
  });

  it("differs for different answers", () => {
    const list = [{ a: "x" }, { b: "x" }, { a: "y" }, { a: ["x", "y"] }, { a: ["y", "x"] }, {}, { c: "x" }];
    expect(new Set(hashes(list)).size).toBe(list.length);
  });

  it("puts answers holding the separator in one shared bucket, as their texts may still agree", () => {
    const left = { a: "x\u0002y", b: "" };
    const right = { a: "x", b: "y\u0002" };
    expect(answerText(left, names)).toBe(answerText(right, names));
    expect(hashes([left, right])).toEqual([-1, -1]);
  });
});
