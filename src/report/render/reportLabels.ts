import { localize } from "../../study/localize.ts";
import type { LoadedStudy } from "../../study/types.ts";
import type { ReportMessages } from "../messages/messages.ts";
import { type ConceptInfo, conceptInfos, valueLabel } from "../model/conceptQuestions.ts";

/** Names of the study's populations, concepts, answers and sites in the report's language. */
export interface ReportLabels {
  language: string;
  studyTitle: string;
  population(id: string): string;
  concept(id: string): string;
  value(concept: string, value: string): string;
  values(concept: string, values: string[]): string;
  site(population: string, site: string): string;
  languageName(code: string): string;
  /** The wording of a population's question for a concept, when the questionnaire has it in this language. */
  question(concept: string, population: string): string | null;
  list(items: string[]): string;
}

export function reportLabels(study: LoadedStudy, language: string, messages: ReportMessages): ReportLabels {
  const definition = study.definition;
  const infos = new Map<string, ConceptInfo>(conceptInfos(study).map((info) => [info.concept.id, info]));
  const regions = new Intl.DisplayNames([language === "zh-cn" ? "zh-Hans" : language], { type: "region" });
  const languages = new Intl.DisplayNames([language === "zh-cn" ? "zh-Hans" : language], {
    type: "language",
  });
  const text = (value: Record<string, string> | undefined, fallback: string) =>
    localize(value, language) ?? fallback;
  const list = (items: string[]) =>
    items.length <= 1
      ? (items[0] ?? "")
      : `${items.slice(0, -1).join(language === "zh-cn" ? "、" : ", ")}${language === "zh-cn" ? "" : " "}${messages.and}${language === "zh-cn" ? "" : " "}${items[items.length - 1]}`;
  const value = (concept: string, choice: string) => {
    const info = infos.get(concept);
    return info ? valueLabel(info, choice, language) : choice;
  };
  return {
    language,
    studyTitle: text(definition.title, definition.id),
    population: (id) => text(definition.populations.find((population) => population.id === id)?.name, id),
    concept: (id) => text(definition.concepts.find((concept) => concept.id === id)?.label, id),
    value,
    values: (concept, values) => values.map((choice) => value(concept, choice)).join(" + "),
    site: (populationId, siteId) => {
      const site = definition.populations
        .find((population) => population.id === populationId)
        ?.sites.find((candidate) => candidate.id === siteId);
      if (!site) return siteId;
      if (site.city) return text(site.city, siteId);
      return regions.of(site.country) ?? site.country;
    },
    languageName: (code) => languages.of(code === "zh-cn" ? "zh-Hans" : code) ?? code,
    list,
    question: (concept, population) => {
      const element = infos
        .get(concept)
        ?.questions.find((question) => question.population === population)?.element;
      const title = element?.title;
      if (typeof title === "string") return title;
      if (!title) return null;
      return title[language] ?? (language === "en" ? title.default : null) ?? null;
    },
  };
}
