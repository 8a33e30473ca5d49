import type { ProblemSink } from "./lintProblem.ts";

export interface LanguageScope {
  /** The languages the text must exist in. */
  languages: readonly string[];
  /** Who declares those languages, for messages: "population lac", "the study". */
  owner: string;
  /**
   * SurveyJS locale objects keep English under "default" and treat a plain string as English; study.json
   * keys every language by its code.
   */
  surveyJs: boolean;
}

/** Reports the languages a text lacks (error) and the languages it has that nobody asked for (warning). */
export function checkLocalizedText(
  sink: ProblemSink,
  path: string,
  value: unknown,
  scope: LanguageScope,
): void {
  if (typeof value === "string") {
    const missing = scope.surveyJs
      ? scope.languages.filter((language) => language !== "en")
      : scope.languages;
    reportMissing(sink, path, missing);
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    sink.error(path, "must be text, or an object of texts by language");
    return;
  }
  const texts = value as Record<string, unknown>;
  const missing = scope.languages.filter((language) => !hasText(texts, language, scope.surveyJs));
  reportMissing(sink, path, missing);
  for (const key of Object.keys(texts)) {
    if (scope.surveyJs && key === "default") continue;
    if (!scope.languages.includes(key)) {
      sink.warning(path, `has "${key}", which is not a language of ${scope.owner}`);
    }
  }
}

/** The message for text that the questionnaire shows in one language only, e.g. a name or a bare value. */
export function reportUntranslated(sink: ProblemSink, path: string, scope: LanguageScope, why: string): void {
  const missing = scope.languages.filter((language) => language !== "en");
  if (missing.length > 0) sink.error(path, `missing ${quoteAll(missing)} (${why})`);
}

function hasText(texts: Record<string, unknown>, language: string, surveyJs: boolean): boolean {
  const keys = surveyJs && language === "en" ? ["default", "en"] : [language];
  return keys.some((key) => typeof texts[key] === "string" && (texts[key] as string).trim() !== "");
}

function reportMissing(sink: ProblemSink, path: string, missing: readonly string[]): void {
  if (missing.length > 0) sink.error(path, `missing ${quoteAll(missing)}`);
}

function quoteAll(languages: readonly string[]): string {
  return languages.map((language) => `"${language}"`).join(", ");
}
