import { beforeAll, describe, expect, it } from "vitest";
import { createCoder } from "./createCoder.ts";
import { createJieba } from "./createJieba.ts";
import { createTokenizers, type TokenizerSet } from "./createTokenizers.ts";
import { testCodebook } from "./testCodebook.ts";

let tokenizers: TokenizerSet;
const jieba = createJieba();

beforeAll(() => {
  tokenizers = createTokenizers({
    jieba,
    vocabulary: { "zh-cn": ["拉美", "桑巴舞", "电动汽车"], en: ["us"] },
  });
});

const words = (language: keyof TokenizerSet, text: string) =>
  tokenizers[language].tokens(text).map((token) => token.text);

describe("Chinese tokenizer", () => {
  it("cuts 拉美人 into 拉美 | 人 and keeps 桑巴舞 whole", () => {
    expect(words("zh-cn", "拉美人")).toEqual(["拉美", "人"]);
    expect(words("zh-cn", "桑巴舞和足球")).toEqual(["桑巴舞", "和", "足球"]);
  });

  it("folds traditional characters to simplified", () => {
    expect(words("zh-cn", "電動汽車")).toEqual(["电动汽车"]);
    expect(tokenizers["zh-cn"].normalize("熱帶雨林")).toBe("热带雨林");
  });

  it("marks stop words and lower-cases Latin words inside Chinese", () => {
    const tokens = tokenizers["zh-cn"].tokens("我喜欢ＤｅｅｐＳｅｅｋ的AI");
    expect(tokens.map((token) => token.text)).toEqual(["我", "喜欢", "deepseek", "的", "ai"]);
    expect(tokens.filter((token) => token.stop).map((token) => token.text)).toEqual(["我", "的"]);
  });
});

describe("Latin-script tokenizers", () => {
  it("normalises, folds accents and stems Spanish and Portuguese", () => {
    const [tecnologias] = tokenizers.es.tokens("Tecnologías");
    const [tecnologia] = tokenizers.es.tokens("tecnologia");
    expect(tecnologias.text).toBe("tecnologias");
    expect(tecnologias.stem).toBe(tecnologia.stem);
    expect(words("pt", "ECONOMIA não")).toEqual(["economia", "nao"]);
  });

  it("drops stop words except the codebook's own", () => {
    const tokens = tokenizers.en.tokens("The China-US game");
    expect(tokens.map((token) => [token.text, token.stop])).toEqual([
      ["the", true],
      ["china", false],
      ["us", false],
      ["game", false],
    ]);
    const plain = createTokenizers({ jieba }).en.tokens("us");
    expect(plain[0].stop).toBe(true);
  });

  it("reads full-width letters as ASCII (NFKC)", () => {
    expect(words("en", "ＦＯＯＴＢＡＬＬ")).toEqual(["football"]);
  });
});

describe("one codebook for every spelling", () => {
  it("brings Tecnologías (es) and tecnologia (pt) to the same code", () => {
    const coder = createCoder(testCodebook(), { jieba, languages: ["es", "pt", "en"] });
    expect(coder.code({ text: "Tecnologías", language: "es" }).codes).toEqual(["technology"]);
    expect(coder.code({ text: "tecnologia", language: "pt" }).codes).toEqual(["technology"]);
    expect(coder.code({ text: "tecnologia", language: "es" }).codes).toEqual(["technology"]);
  });
});
