import type { TextLanguage } from "./language.ts";

/**
 * Reads a recorded language tag as one of the study languages: "zh", "zh-CN", "zh-TW", "zh-Hant" →
 * zh-cn (traditional script is folded to simplified anyway); "es-MX" → es; "pt-BR" → pt. Empty or
 * unknown tags give null, and the answer's language is then detected.
 */
export function resolveLanguage(tag: string | null | undefined): TextLanguage | null {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "zh" || primary === "cmn") return "zh-cn";
  if (primary === "es" || primary === "spa") return "es";
  if (primary === "pt" || primary === "por") return "pt";
  if (primary === "en" || primary === "eng") return "en";
  return null;
}
