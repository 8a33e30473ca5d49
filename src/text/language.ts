/** The languages Parallax tokenizes, as SurveyJS locale codes. */
export const textLanguages = ["zh-cn", "es", "pt", "en"] as const;

export type TextLanguage = (typeof textLanguages)[number];

export function isTextLanguage(value: string): value is TextLanguage {
  return (textLanguages as readonly string[]).includes(value);
}

/** Languages written in the Latin script, tokenized by words and Snowball stems. */
export type LatinLanguage = Exclude<TextLanguage, "zh-cn">;
