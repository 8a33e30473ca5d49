import type { LocalizedText } from "./types.ts";

/**
 * Picks a string in a language. Questionnaires keep English under SurveyJS's "default" key; study.json uses
 * "en". Falls back to English, then to any language present, so a label is never blank.
 */
export function localize(text: LocalizedText | string | undefined, language: string): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === "string") return text;
  return (
    text[language] ??
    (language === "en" ? text.default : undefined) ??
    text.default ??
    text.en ??
    Object.values(text)[0]
  );
}
