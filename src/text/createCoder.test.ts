import { describe, expect, it } from "vitest";
import { createCoder } from "./createCoder.ts";
import { createJieba } from "./createJieba.ts";
import { testCodebook } from "./testCodebook.ts";

const coder = createCoder(testCodebook(), { jieba: createJieba(), languages: ["zh-cn", "es", "pt", "en"] });
const codes = (text: string, language = "") => coder.code({ text, language }).codes;

describe("createCoder", () => {
  it("gives an answer every code it mentions, in codebook order", () => {
    expect(codes("桑巴舞、电动汽车和科技", "zh-cn")).toEqual(["technology", "electric_vehicles", "samba"]);
    expect(codes("Electric vehicles, technology", "en")).toEqual(["technology", "electric_vehicles"]);
    expect(codes("carros elétricos da BYD", "pt")).toEqual(["electric_vehicles"]);
  });

  it("matches Chinese words inside longer jieba words but not across word boundaries", () => {
    expect(codes("拉美人很热情", "zh-cn")).toEqual(["latin_america"]);
    expect(codes("科技园区", "zh-cn")).toEqual(["technology"]);
  });

  it("matches phrases stem by stem with stop words skipped", () => {
    expect(codes("the China-US game", "en")).toEqual(["china_us"]);
    expect(codes("la guerra comercial", "es")).toEqual(["china_us"]);
    expect(codes("guerra y comercio", "es")).toEqual(["other"]);
  });

  it("keeps none only when nothing else matched, and codes the rest other", () => {
    expect(codes("不知道", "zh-cn")).toEqual(["none"]);
    expect(codes("No sé.", "es")).toEqual(["none"]);
    expect(codes("I don't know, maybe technology", "en")).toEqual(["technology"]);
    const other = coder.code({ text: "大熊猫", language: "zh-cn" });
    expect(other).toEqual({ codes: ["other"], language: "zh-cn", detected: false, uncoded: true });
  });

  it("leaves blank answers without codes", () => {
    expect(coder.code({ text: "   ", language: "es" })).toEqual({
      codes: [],
      language: null,
      detected: false,
      uncoded: false,
    });
  });

  it("reads the other script's words of a mixed answer", () => {
    expect(codes("我觉得technology很强", "zh-cn")).toEqual(["technology"]);
    expect(codes("Me encanta el 桑巴舞", "es")).toEqual(["samba"]);
  });

  it("detects the language of unlabelled answers, traditional script included", () => {
    const traditional = coder.code({ text: "電動汽車", language: "" });
    expect(traditional).toMatchObject({ codes: ["electric_vehicles"], language: "zh-cn", detected: true });
    expect(coder.code({ text: "Tecnologías", language: null })).toMatchObject({
      codes: ["technology"],
      language: "es",
    });
    expect(coder.code({ text: "carros elétricos", language: "" })).toMatchObject({
      codes: ["electric_vehicles"],
      language: "pt",
    });
  });

  it("reads regional tags as the study language", () => {
    expect(coder.code({ text: "tecnologia", language: "pt-BR" }).language).toBe("pt");
    expect(coder.code({ text: "科技", language: "zh-TW" }).language).toBe("zh-cn");
  });
});

describe("createCoder on compounds, phrases and slips", () => {
  const book = testCodebook();
  book.codes.push(
    { id: "tropics", label: { en: "Tropics" }, patterns: { "zh-cn": { words: ["热带"] } } },
    { id: "rainforest", label: { en: "Rainforest" }, patterns: { "zh-cn": { words: ["雨林", "热带雨林"] } } },
    { id: "us", label: { en: "The US" }, patterns: { "zh-cn": { words: ["美国"] } } },
    { id: "trade", label: { en: "Trade" }, patterns: { es: { stems: ["comercial", "desarrollo"] } } },
  );
  const compounds = createCoder(book, { jieba: createJieba(), languages: ["zh-cn", "es", "en"] });
  const coded = (text: string, language: string) => compounds.code({ text, language }).codes;

  it("lets a whole codebook word win over the words inside it, and never matches mid-word", () => {
    expect(coded("热带雨林", "zh-cn")).toEqual(["rainforest"]);
    expect(coded("美国", "zh-cn")).toEqual(["us"]);
    expect(coded("拉美国家", "zh-cn")).toEqual(["latin_america"]);
  });

  it("does not count the words of a matched phrase on their own", () => {
    expect(coded("la guerra comercial", "es")).toEqual(["china_us"]);
    expect(coded("acuerdo comercial", "es")).toEqual(["trade"]);
  });

  it("reads a long word one slip from a codebook word as that word", () => {
    expect(coded("desarollo", "es")).toEqual(["trade"]);
    expect(coded("tecnologya", "es")).toEqual(["technology"]);
  });
});
