import { describe, expect, it } from "vitest";
import { answerHash, answerText } from "./duplicateRule.ts";

const names = ["a", "b", "c"];

describe("answerHash", () => {
  it("agrees whenever the answer texts agree, whatever the types that made them", () => {
    const ids = new Map<string, number>();
    const pairs: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [
        { a: 1, b: "x" },
        { a: "1", b: "x" },
      ],
      [{ a: ["x", "y"] }, { a: "x\u0001y" }],
      [{ a: ["x", null, "y"] }, { a: ["x", undefined, "y"] }],
      [
        { a: "x", c: true },
        { a: "x", b: "", c: "true" },
      ],
    ];
    for (const [left, right] of pairs) {
      expect(answerText(left, names)).toBe(answerText(right, names));
      expect(answerHash(left, names, ids)).toBe(answerHash(right, names, ids));
    }
  });

  it("differs for different answers", () => {
    const ids = new Map<string, number>();
    const hashes = new Set(
      [{ a: "x" }, { b: "x" }, { a: "y" }, { a: ["x", "y"] }, { a: ["y", "x"] }, {}].map((answers) =>
        answerHash(answers, names, ids),
      ),
    );
    expect(hashes.size).toBe(6);
  });

  it("puts answers holding the separator in one shared bucket, as their texts may still agree", () => {
    const ids = new Map<string, number>();
    const left = { a: "x\u0002y", b: "" };
    const right = { a: "x", b: "y\u0002" };
    expect(answerText(left, names)).toBe(answerText(right, names));
    expect(answerHash(left, names, ids)).toBe(-1);
    expect(answerHash(right, names, ids)).toBe(-1);
  });
});
