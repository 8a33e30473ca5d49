import { describe, expect, it } from "vitest";
import { answerTerms } from "./answerTerms.ts";
import { createJieba } from "./createJieba.ts";
import { createTokenizers } from "./createTokenizers.ts";

const tokenizers = createTokenizers({ jieba: createJieba(), vocabulary: { "zh-cn": ["桑巴舞"] } });

describe("answerTerms", () => {
  it("keeps content words once each, keyed by stem", () => {
    const terms = answerTerms(tokenizers.es.tokens("Tecnologías y tecnologia, 2024, y la IA"));
    expect(terms).toEqual([
      { key: tokenizers.es.tokens("tecnologia")[0].stem, form: "tecnologias" },
      { key: "ia", form: "ia" },
    ]);
  });

  it("keeps single Han characters but drops Chinese stop words", () => {
    const terms = answerTerms(tokenizers["zh-cn"].tokens("我喜欢桑巴舞和茶"));
    expect(terms.map((term) => term.form)).toEqual(["喜欢", "桑巴舞", "茶"]);
  });
});
