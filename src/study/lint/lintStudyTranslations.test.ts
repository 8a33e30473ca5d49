import { describe, expect, it } from "vitest";
import { buildTestStudy } from "./buildTestStudy.ts";
import { lintStudyTranslations } from "./lintStudyTranslations.ts";

function lines(study: ReturnType<typeof buildTestStudy>) {
  return lintStudyTranslations(study.definition).map(
    ({ severity, file, path, message, rule }) => `${severity} ${file} ${path}: ${message} [${rule}]`,
  );
}

describe("study.json translations", () => {
  it("finds nothing in a clean study", () => {
    expect(lines(buildTestStudy())).toEqual([]);
  });

  it("needs the title, population names, city names and concept labels in every study language", () => {
    const study = buildTestStudy();
    const { definition } = study;
    definition.title = { en: "Mirror" };
    definition.populations[0].name = { en: "Chinese adults", "zh-cn": "中国成年人" };
    const beijing = definition.populations[0].sites[0];
    beijing.city = { en: "Beijing", es: "Pekín" };
    definition.concepts[1].label = { es: "Relación", "zh-cn": "关系" };
    expect(lines(study)).toEqual([
      'error study.json $.title: missing "es", "zh-cn" [translation]',
      'error study.json $.populations[0].name: missing "es" [translation]',
      'error study.json $.populations[0].sites[0].city: missing "zh-cn" [translation]',
      'error study.json $.concepts[1].label: missing "en" [translation]',
    ]);
  });

  it("needs the screen-out message in the population's languages only", () => {
    const study = buildTestStudy();
    study.definition.populations[1].screenOutMessage = { en: "Thank you", "zh-cn": "谢谢" };
    expect(lines(study)).toEqual([
      'error study.json $.populations[1].screenOutMessage: missing "es" [translation]',
      'warning study.json $.populations[1].screenOutMessage: has "zh-cn", which is not a language of population lac [translation]',
    ]);
  });

  it("warns about text in a language the study does not declare", () => {
    const study = buildTestStudy();
    study.definition.title = { ...study.definition.title, pt: "Espelho" };
    expect(lines(study)).toEqual([
      'warning study.json $.title: has "pt", which is not a language of the study [translation]',
    ]);
  });

  it("requires population languages to be study languages", () => {
    const study = buildTestStudy();
    study.definition.populations[1].languages = ["es", "pt", "en"];
    study.definition.populations[1].screenOutMessage = { es: "Gracias", pt: "Obrigado", en: "Thank you" };
    expect(lines(study)).toEqual([
      `error study.json $.populations[1].languages[1]: "pt" is not one of the study's languages (en, es, zh-cn) [language]`,
    ]);
  });
});
