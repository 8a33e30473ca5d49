import { describe, expect, it } from "vitest";
import type { CodeShare } from "./codeShares.ts";
import { groupDistinctiveTerms, rankCodes } from "./keywordResults.ts";

const share = (code: string, estimate: number, kind: "code" | "net" = "code"): CodeShare => ({
  code,
  kind,
  label: { en: code },
  domain: { population: "lac" },
  level: `code:${code}`,
  estimate,
  se: 0.01,
  ci: [estimate - 0.02, estimate + 0.02],
});

describe("rankCodes", () => {
  it("orders codes and nets by share, highest first", () => {
    const ranking = rankCodes({
      population: "lac",
      weighted: true,
      answered: 10,
      shares: [
        share("economy", 0.2),
        share("technology", 0.4),
        share("tech_net", 0.5, "net"),
        share("ai", 0.2),
      ],
      sites: [],
    });
    expect(ranking.codes.map((row) => row.code)).toEqual(["technology", "ai", "economy"]);
    expect(ranking.nets.map((row) => row.code)).toEqual(["tech_net"]);
  });
});

describe("groupDistinctiveTerms", () => {
  it("finds the terms each group uses more than the others, weighted by respondent", () => {
    const term = (key: string, form = key) => ({ key, form });
    const answers = [
      ...Array.from({ length: 20 }, () => ({ group: "a", weight: 1, terms: [term("futbol", "fútbol")] })),
      ...Array.from({ length: 20 }, () => ({
        group: "b",
        weight: 1,
        terms: [term("tecnolog", "tecnología")],
      })),
      // One respondent who stands for 30: "futbol" is used by 30 of 50 weighted respondents of b.
      { group: "b", weight: 30, terms: [term("futbol", "fútbol")] },
    ];
    const terms = groupDistinctiveTerms(answers, 5);
    expect(terms.b.map((score) => score.term)).toEqual(["tecnología"]);
    expect(terms.a[0].term).toBe("fútbol");
    expect(terms.a[0].count).toBe(20);
    expect(terms.a[0].otherCount).toBe(30);
    expect(terms.a).toHaveLength(1);
  });

  it("counts terms written alike as one, whatever their stems", () => {
    const answers = [
      ...Array.from({ length: 10 }, () => ({
        group: "es",
        weight: 1,
        terms: [{ key: "tecnolog", form: "tecnologia" }],
      })),
      ...Array.from({ length: 10 }, () => ({
        group: "pt",
        weight: 1,
        terms: [{ key: "tecnologi", form: "tecnologia" }],
      })),
      ...Array.from({ length: 10 }, () => ({
        group: "zh",
        weight: 1,
        terms: [{ key: "科技", form: "科技" }],
      })),
    ];
    const terms = groupDistinctiveTerms(answers);
    expect(terms.es[0]).toMatchObject({ term: "tecnologia", count: 10, otherCount: 10 });
  });
});
