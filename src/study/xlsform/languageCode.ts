/** How a workbook's language name became a SurveyJS locale. */
export interface LanguageCode {
  code: string;
  /** "code": written in the name, e.g. `English (en)`; "name": a known language name; "slug": neither. */
  source: "code" | "name" | "slug";
}

// SurveyJS names Chinese locales by script region: Simplified is "zh-cn", Traditional "zh-tw".
const surveyJsLocales: Record<string, string> = {
  zh: "zh-cn",
  "zh-hans": "zh-cn",
  "zh-cn": "zh-cn",
  "zh-sg": "zh-cn",
  "zh-hant": "zh-tw",
  "zh-tw": "zh-tw",
  "zh-hk": "zh-tw",
};

function toSurveyJsLocale(code: string): string {
  const lower = code.toLowerCase().replace(/_/g, "-");
  return surveyJsLocales[lower] ?? lower;
}

function displayName(code: string, inLanguage: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language", fallback: "none" }).of(code);
  } catch {
    return undefined;
  }
}

let namesToCodes: Map<string, string | null> | undefined;

function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** English and native names of every two-letter ISO 639-1 language; null marks a name two codes share. */
function languageNames(): Map<string, string | null> {
  if (namesToCodes) return namesToCodes;
  const names = new Map<string, string | null>();
  const add = (name: string | undefined, code: string) => {
    if (!name || fold(name) === code) return;
    const key = fold(name);
    const known = names.get(key);
    names.set(key, known === undefined || known === code ? code : null);
  };
  for (let first = 97; first <= 122; first++) {
    for (let second = 97; second <= 122; second++) {
      const code = String.fromCharCode(first, second);
      const english = displayName(code, "en");
      if (!english) continue;
      add(english, code);
      add(displayName(code, code), code);
    }
  }
  namesToCodes = names;
  return names;
}

function isKnownCode(code: string): boolean {
  const [language] = code.split(/[-_]/);
  return language !== undefined && displayName(language.toLowerCase(), "en") !== undefined;
}

function slug(name: string): string {
  const folded = fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return folded === "" ? "lang" : folded;
}

/**
 * Maps an XLSForm language to a SurveyJS locale: `English (en)` → en, `Chinese (zh)` → zh-cn, `EN` → en,
 * `Español` → es. A name that is neither a code nor a known language name becomes a slug.
 */
export function languageCode(name: string): LanguageCode {
  const trimmed = name.trim();
  const inParentheses = /\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$/.exec(trimmed);
  if (inParentheses?.[1] && isKnownCode(inParentheses[1])) {
    return { code: toSurveyJsLocale(inParentheses[1]), source: "code" };
  }
  if (/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(trimmed) && isKnownCode(trimmed)) {
    return { code: toSurveyJsLocale(trimmed), source: "code" };
  }
  const byName = languageNames().get(fold(trimmed));
  if (byName) return { code: toSurveyJsLocale(byName), source: "name" };
  return { code: slug(trimmed), source: "slug" };
}
