import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detectLanguage.ts";

const lac = ["es", "pt", "en"] as const;
const top = (text: string, candidates: readonly ("zh-cn" | "es" | "pt" | "en")[] = lac) =>
  detectLanguage(text, { candidates: [...candidates] })[0];

describe("detectLanguage", () => {
  it("recognises short real answers in Spanish, Portuguese and English", () => {
    expect(top("Tecnología y economía")).toBe("es");
    expect(top("La tecnología avanzada y los autos eléctricos")).toBe("es");
    expect(top("Muita tecnologia e produtos baratos")).toBe("pt");
    expect(top("não sei")).toBe("pt");
    expect(top("¿Comida?")).toBe("es");
    expect(top("The Great Wall and the food")).toBe("en");
    expect(top("economic development and advanced technology")).toBe("en");
    expect(top("A disciplina dos chineses e a inovação")).toBe("pt");
  });

  it("takes Han script as Chinese, traditional or simplified", () => {
    expect(top("足球", ["zh-cn", "en"])).toBe("zh-cn");
    expect(top("電動汽車", ["zh-cn", "en"])).toBe("zh-cn");
    expect(top("我喜欢DeepSeek", ["zh-cn", "en"])).toBe("zh-cn");
    expect(top("I like 功夫 movies a lot", ["zh-cn", "en"])).toBe("en");
  });

  it("uses a codebook lexicon for one-word answers", () => {
    const lexicons = { en: new Set(["robotics"]), es: new Set(["robotica"]), pt: new Set(["robotica"]) };
    expect(detectLanguage("robotics", { candidates: [...lac], lexicons })[0]).toBe("en");
  });

  it("ranks every candidate once", () => {
    expect(detectLanguage("12345", { candidates: [...lac] }).sort()).toEqual(["en", "es", "pt"]);
  });
});
