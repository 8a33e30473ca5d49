import { ParallaxError } from "../../errors.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import type { ReportMessages } from "./messages.ts";
import { pt } from "./pt.ts";
import { zhCn } from "./zhCn.ts";

export type { ReportMessages } from "./messages.ts";

export const reportLanguages = ["zh-cn", "es", "pt", "en"] as const;

const byLanguage: Record<string, ReportMessages> = { "zh-cn": zhCn, es, pt, en };

export function reportMessages(language: string): ReportMessages {
  const messages = byLanguage[language];
  if (!messages)
    throw new ParallaxError("USAGE", `No report texts in "${language}"`, [
      { path: "--lang", message: `must be one of ${reportLanguages.join(", ")}` },
    ]);
  return messages;
}

/** Fills {placeholders}; a missing value is left visible rather than silently blank. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
