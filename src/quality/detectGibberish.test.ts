import { describe, expect, it } from "vitest";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { detectGibberish } from "./detectGibberish.ts";
import { buildLexicon } from "./lexicon.ts";

const study = await readStudyFolder("examples/china-lac");
const lexicons = Object.fromEntries(
  ["zh-cn", "es", "pt", "en"].map((language) => [language, buildLexicon(study, language)]),
);
const judge = (text: string, language: string) => detectGibberish(text, language, lexicons[language]);

describe("detectGibberish", () => {
  it("passes real answers in Chinese, Spanish, Portuguese and English", () => {
    for (const text of ["足球、热情、桑巴舞", "阿根廷队夺得世界杯冠军", "DeepSeek和AI", "咖啡"])
      expect(judge(text, "zh-cn")).toBeUndefined();
    for (const text of [
      "tecnología, economía, cultura",
      "vehículos eléctricos",
      "DeepSeek",
      "innovación",
      "la diligencia y disciplina del pueblo chino",
      "Black Myth: Wukong",
    ])
      expect(judge(text, "es"), text).toBeUndefined();
    for (const text of [
      "desenvolvimento econômico e tecnologia avançada",
      "carros elétricos",
      "as novelas chinesas",
    ])
      expect(judge(text, "pt"), text).toBeUndefined();
    for (const text of ["football, passion, samba", "robotics advancements", "AI"])
      expect(judge(text, "en"), text).toBeUndefined();
  });

  it("names why nonsense is nonsense", () => {
    expect(judge("asdfghjkl", "es")).toBe("keyboard");
    expect(judge("jjjjjjj", "pt")).toBe("repeated");
    expect(judge("哈哈哈哈哈", "zh-cn")).toBe("repeated");
    expect(judge("文化xqzkvbwp", "zh-cn")).toBe("latinInChinese");
    expect(judge("lqpqy vdmkz", "en")).toBe("noWords");
    expect(judge("....", "es")).toBe("noLetters");
  });
});
