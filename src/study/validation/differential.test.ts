import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileQuestionnaire } from "./compileQuestionnaire.ts";
import { generateValidAnswers } from "./generateValidAnswers.ts";
import { referenceIssues } from "./referenceIssues.ts";
import { variedQuestionnaire } from "./variedQuestionnaire.ts";

// Values that break one rule or sit on a boundary: wrong types, unknown choices, limits, blanks.
const oddValues: unknown[] = [
  "x",
  "  ",
  "",
  null,
  0,
  17,
  18,
  70,
  71,
  2.5,
  true,
  false,
  "Y",
  [],
  ["kind"],
  ["kind", "kind"],
  ["none", "kind"],
  ["kind", "smart", "hardworking", "rich"],
  ["zzz"],
  "other",
  "rich",
  "baires",
  "rio",
  "none",
  3,
  6,
  { backyard: 1 },
  { backyard: 4 },
  { tariffs: 2 },
  { adults: 0 },
  { adults: "2" },
  { adults: 2, note: "a long note here" },
  ["us", "cn"],
  ["eu", "cn", "us"],
  "1990-02-30",
  "1990-02-28",
  "AB",
  "ab",
  "me@example.org",
  "me@",
  ["trade"],
  ["health"],
  ["health", "roads"],
  "abcdefghijklmnopqrstuvwxyz",
];

const mutation = fc.record({
  kind: fc.constantFrom("drop", "resample", "odd", "comment", "unknown"),
  question: fc.nat(),
  odd: fc.constantFrom(...oddValues),
});

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("compiled validator against the survey-core Model", () => {
  const compiled = compileQuestionnaire(variedQuestionnaire);
  const names = compiled.questions.map((question) => question.answerKey);

  it("gives the same verdict on random answer sets", () => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(fc.integer(), fc.array(mutation, { maxLength: 2 }), (seed, mutations) => {
        const random = seededRandom(seed);
        const answers = generateValidAnswers(compiled, random);
        for (const change of mutations) {
          const key = names[change.question % names.length];
          if (change.kind === "drop") delete answers[key];
          if (change.kind === "resample") answers[key] = compiled.sampleAnswer(key, answers, random);
          if (change.kind === "odd") answers[key] = change.odd;
          if (change.kind === "comment") answers[`${key}-Comment`] = "some text";
          if (change.kind === "unknown") answers.unknownQuestion = change.odd;
        }
        const ours = compiled.validate(answers);
        const reference = referenceIssues(variedQuestionnaire, answers);
        verdicts[ours.length === 0 ? "valid" : "invalid"]++;
        const report = `answers ${JSON.stringify(answers)}\nours ${JSON.stringify(ours)}\nreference ${JSON.stringify(reference)}`;
        expect(ours.length === 0, report).toBe(reference.length === 0);
      }),
      { seed: 20240411, numRuns: 250 },
    );
    // Both verdicts must be common, or the comparison proves little.
    expect(verdicts.valid).toBeGreaterThan(50);
    expect(verdicts.invalid).toBeGreaterThan(50);
  }, 300_000);
});
