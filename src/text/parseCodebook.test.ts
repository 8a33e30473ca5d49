import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import { checkCodebookCoverage, parseCodebook } from "./parseCodebook.ts";
import { testCodebook } from "./testCodebook.ts";

function problemsOf(value: unknown): Array<{ path: string; message: string }> {
  try {
    parseCodebook(JSON.stringify(value), "cb.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ParallaxError);
    expect((error as ParallaxError).code).toBe("CODEBOOK_INVALID");
    return (error as ParallaxError).details.map((detail) => ({
      ...detail,
      path: detail.path.replace(/^cb\.json /, ""),
    }));
  }
  throw new Error("expected the codebook to be rejected");
}

describe("parseCodebook", () => {
  it("accepts a valid codebook", () => {
    const codebook = parseCodebook(JSON.stringify(testCodebook()), "cb.json");
    expect(codebook.codes.map((code) => code.id)).toContain("other");
  });

  it("reports bad JSON", () => {
    expect(() => parseCodebook("{", "cb.json")).toThrow(/not valid JSON/);
  });

  it("names every problem by its JSON path", () => {
    const codebook = testCodebook() as unknown as { codes: Array<Record<string, unknown>>; nets: unknown[] };
    codebook.codes[0].id = "Tech";
    codebook.codes[1].patterns = { es: { phrases: [""] }, fr: { words: ["voiture"] } };
    codebook.codes[2].patterns = { "zh-cn": { stems: ["拉美"] }, en: { regex: ["(unclosed"] } };
    codebook.codes[3].label = {};
    codebook.codes.splice(5, 1);
    codebook.nets = [{ id: "samba", label: { en: "x" }, codes: ["missing"] }];
    expect(problemsOf(codebook)).toEqual([
      {
        path: "$.codes[0].id",
        message: "must be lower-case letters, digits and underscores, starting with a letter",
      },
      { path: "$.codes[1].patterns.es.phrases[0]", message: "must be a non-empty string" },
      { path: "$.codes[1].patterns.fr", message: "unknown language; use zh-cn, es, pt, en or all" },
      {
        path: "$.codes[2].patterns.zh-cn.stems",
        message: "stems apply to Spanish, Portuguese and English only; use words",
      },
      {
        path: "$.codes[2].patterns.en.regex[0]",
        message: expect.stringMatching(/^not a valid regular expression/),
      },
      { path: "$.codes[3].label", message: "must give the label in at least one language" },
      { path: "$.codes", message: "must include the reserved code none" },
      { path: "$.nets[0].id", message: "samba is already a code id" },
      { path: "$.nets[0].codes[0]", message: "no code missing in this codebook" },
    ]);
  });

  it("prefixes the file name and rejects patterns on other and codes without patterns", () => {
    const codebook = testCodebook();
    codebook.codes[6].patterns = { en: { words: ["misc"] } };
    codebook.codes[0].patterns = {};
    const details = problemsOf(codebook);
    expect(details.map((detail) => detail.path)).toEqual(["$.codes[0].patterns", "$.codes[6].patterns"]);
    try {
      parseCodebook(JSON.stringify(codebook), "cb.json");
    } catch (error) {
      expect((error as ParallaxError).details[0].path).toBe("cb.json $.codes[0].patterns");
    }
  });

  it("rejects a codebook that is not an object, or whose codes are missing", () => {
    expect(problemsOf([])).toEqual([{ path: "$", message: "must be an object" }]);
    expect(problemsOf({ question: "q" })).toEqual([{ path: "$.codes", message: "must be an array" }]);
  });
});

describe("checkCodebookCoverage", () => {
  it("asks for a label in every study language and patterns for every answer language", () => {
    const codebook = testCodebook();
    delete codebook.codes[0].label.pt;
    const problems = checkCodebookCoverage(
      { ...codebook, codes: codebook.codes.filter((code) => code.id !== "samba") },
      { labelLanguages: ["en", "pt"], answerLanguages: ["zh-cn", "en"] },
    );
    expect(problems).toEqual([{ path: "$.codes[0].label", message: "has no pt label" }]);
    const bare = { ...codebook, codes: codebook.codes.filter((code) => code.id === "other") };
    expect(checkCodebookCoverage(bare, { labelLanguages: [], answerLanguages: ["pt"] })).toEqual([
      { path: "$.codes", message: "no code has patterns for pt answers" },
    ]);
  });
});
