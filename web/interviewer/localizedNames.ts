import type { LocalizedText, Site } from "../../src/study/types.ts";

export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return "";
  return text[language] ?? text.en ?? text.default ?? Object.values(text)[0] ?? "";
}

/** A site's name: its city where sampled by city, else its country's name from the browser's CLDR data. */
export function siteName(site: Site | undefined, id: string, language: string): string {
  if (!site) return id;
  if (site.city) return localized(site.city, language);
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(site.country.toUpperCase()) ?? id;
  } catch {
    return id;
  }
}

export function formatTime(iso: string | undefined, language: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "short", timeStyle: "short" }).format(date);
}
