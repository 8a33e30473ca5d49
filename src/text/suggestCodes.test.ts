import { describe, expect, it } from "vitest";
import { createLatinTokenizer } from "./latinTokenizer.ts";
import { suggestCodes } from "./suggestCodes.ts";

describe("suggestCodes", () => {
  it("ranks recurring words and phrases of uncoded answers, with examples", () => {
    const es = createLatinTokenizer("es");
    const texts = ["Los pandas gigantes", "pandas gigantes y té", "un panda", "la ópera"];
    const uncoded = texts.map((text) => ({ text, language: "es" as const, tokens: es.tokens(text) }));
    const suggestions = suggestCodes(uncoded, { examples: 1 });
    expect(suggestions.map((s) => [s.term, s.kind, s.answers])).toEqual([
      ["pandas", "word", 3],
      ["gigantes", "word", 2],
      ["pandas gigantes", "phrase", 2],
    ]);
    expect(suggestions[0].examples).toEqual(["Los pandas gigantes"]);
  });
});
