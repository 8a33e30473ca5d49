import type { IssueLog } from "./issues.ts";
import { languageCode } from "./languageCode.ts";
import type { SheetTable } from "./sheetTable.ts";
import type { ImportedLanguage, LocalizedText, RawRow } from "./types.ts";

const textFields = ["label", "hint", "guidance_hint", "constraint_message", "required_message"];

function isUnnamed(language: string | undefined): boolean {
  return language === undefined || language.trim().toLowerCase() === "default";
}

/**
 * Which languages the form has and where each one's strings go in SurveyJS: the default language under
 * "default", every other under its locale code. Columns without a language fill in for the default one.
 */
export class LanguagePlan {
  private readonly codes = new Map<string, string>();

  constructor(
    readonly languages: ImportedLanguage[],
    private readonly defaultCode: string,
  ) {
    for (const language of languages) this.codes.set(language.name.toLowerCase(), language.code);
  }

  private key(language: string | undefined): string {
    if (isUnnamed(language)) return "default";
    const code = this.codes.get((language as string).toLowerCase());
    return code === undefined || code === this.defaultCode ? "default" : code;
  }

  /** A field's text in every language of a row; plain text when only the default language has it. */
  localize(
    table: SheetTable,
    row: RawRow,
    field: string,
    transform = (text: string) => text,
  ): LocalizedText | undefined {
    const texts: Record<string, string> = {};
    let unnamed: string | undefined;
    for (const column of table.columnsOf(field)) {
      const text = table.cell(row, column);
      if (text === undefined) continue;
      if (isUnnamed(column.language)) unnamed = transform(text);
      else texts[this.key(column.language)] = transform(text);
    }
    if (texts.default === undefined && unnamed !== undefined) texts.default = unnamed;
    const keys = Object.keys(texts);
    if (keys.length === 0) return undefined;
    if (keys.length === 1 && texts.default !== undefined) return texts.default;
    return texts;
  }
}

/** Finds the form's languages in the text columns of the given sheets and decides the default one. */
export function planLanguages(
  tables: SheetTable[],
  defaultLanguage: string | undefined,
  defaultLanguagePath: string,
  log: IssueLog,
): LanguagePlan {
  const named: { name: string; path: string }[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.field || !textFields.includes(column.field) || isUnnamed(column.language)) continue;
      const name = column.language as string;
      if (named.some((known) => known.name.toLowerCase() === name.toLowerCase())) continue;
      named.push({ name, path: `${table.sheet}!${column.header}` });
    }
  }
  if (named.length === 0) {
    const code = defaultLanguage ? languageCode(defaultLanguage).code : "default";
    return new LanguagePlan([{ name: defaultLanguage ?? "", code, isDefault: true }], code);
  }
  const wanted = defaultLanguage?.trim().toLowerCase();
  const coded = named.map((language) => ({ ...language, ...languageCode(language.name) }));
  let chosen = coded.find((language) => language.name.toLowerCase() === wanted);
  if (wanted && !chosen) {
    chosen = coded.find((language) => language.code === languageCode(wanted).code);
    if (!chosen) {
      log.warn(
        defaultLanguagePath,
        `default_language "${defaultLanguage}" is not a language of the form's columns; "${coded[0]?.name}" is the default`,
      );
    }
  }
  const defaultOne = chosen ?? (coded[0] as (typeof coded)[number]);
  for (const language of coded) {
    if (language.source === "slug") {
      log.warn(
        language.path,
        `"${language.name}" names no known language and carries no code such as "(en)"; its locale is "${language.code}"`,
      );
    }
  }
  const languages = coded.map((language) => ({
    name: language.name,
    code: language.code,
    isDefault: language === defaultOne,
  }));
  return new LanguagePlan(languages, defaultOne.code);
}
