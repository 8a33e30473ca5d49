import { fill } from "../messages/index.ts";
import type { ReportMessages } from "../messages/messages.ts";
import type { Fact } from "../model/reportModel.ts";
import type { ReportFormat } from "./reportFormat.ts";
import type { ReportLabels } from "./reportLabels.ts";

/**
 * Spanish and Portuguese write a common noun in lower case inside a sentence, and population names there begin
 * with one ("Adultos de 16 ciudades…"); an acronym ("UE…") keeps its capitals. English population names often
 * begin with a proper adjective ("Chinese adults"), and Chinese has no case: both are left as written.
 */
function inSentence(text: string, language: string): string {
  if (language !== "es" && language !== "pt") return text;
  const [first, second] = [...text];
  return second !== undefined && second === second.toLowerCase()
    ? first.toLowerCase() + text.slice(first.length)
    : text;
}

function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A key finding as a plain sentence in the report's language. */
export function findingSentence(
  fact: Fact,
  messages: ReportMessages,
  labels: ReportLabels,
  format: ReportFormat,
): string {
  const sentence = uncapitalisedSentence(
    fact,
    messages,
    {
      ...labels,
      population: (id: string) => inSentence(labels.population(id), labels.language),
    },
    format,
  );
  return capitalised(sentence);
}

function uncapitalisedSentence(
  fact: Fact,
  messages: ReportMessages,
  labels: ReportLabels,
  format: ReportFormat,
): string {
  const t = messages.sentences;
  const concept = labels.concept(fact.concept);
  switch (fact.kind) {
    case "share":
      return fill(t.share, {
        share: format.share(fact.estimate.estimate),
        population: labels.population(fact.population),
        answer: labels.values(fact.concept, fact.values),
        concept,
        low: format.share(fact.estimate.ci[0]),
        high: format.share(fact.estimate.ci[1]),
      });
    case "difference":
      return fill(t.difference, {
        concept,
        shareA: format.share(fact.estimates[0].estimate),
        populationA: labels.population(fact.populations[0]),
        shareB: format.share(fact.estimates[1].estimate),
        populationB: labels.population(fact.populations[1]),
        answer: labels.values(fact.concept, fact.values),
        difference: format.points(fact.difference.difference),
        p: format.p(fact.difference.p),
      });
    case "sites":
      return fill(t.sites, {
        population: labels.population(fact.population),
        answer: labels.values(fact.concept, fact.values),
        concept,
        lowShare: format.share(fact.lowest.estimate.estimate),
        lowSite: labels.site(fact.population, fact.lowest.site),
        highShare: format.share(fact.highest.estimate.estimate),
        highSite: labels.site(fact.population, fact.highest.site),
        p: format.p(fact.test.p),
      });
    case "rankedFirst":
      return fill(fact.exceptions.length > 0 ? t.rankedFirstExcept : t.rankedFirst, {
        population: labels.population(fact.population),
        item: labels.value(fact.concept, fact.item),
        share: format.share(fact.estimate.estimate),
        concept,
        sites: labels.list(fact.exceptions.map((site) => labels.site(fact.population, site))),
      });
    case "keyword":
      return fill(t.keyword, {
        population: labels.population(fact.population),
        concept,
        keyword: fact.label[labels.language] ?? fact.label.en ?? fact.code,
        share: format.share(fact.estimate.estimate),
      });
  }
}
