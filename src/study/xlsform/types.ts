/** A cell as read from the workbook: trimmed text, or undefined when empty. */
export type CellText = string | undefined;

export interface RawRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Index 0 holds column A. */
  cells: CellText[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

/** A cell whose value could not be turned into text (a formula without a saved result, an error value). */
export interface UnreadableCell {
  sheet: string;
  rowNumber: number;
  column: number;
  reason: string;
}

/** The workbook reduced to text: what the converter needs, independent of the spreadsheet library. */
export interface XlsformWorkbook {
  sheets: RawSheet[];
  unreadable: UnreadableCell[];
}

/** An error or warning, located as `sheet!B12 (header)`. */
export interface XlsformIssue {
  path: string;
  message: string;
}

/** A SurveyJS string: plain text, or one text per locale ("default" holds the default language). */
export type LocalizedText = string | Record<string, string>;

export type JsonObject = Record<string, unknown>;

/** A metadata field of the form (start, end, deviceid, …): recorded, not asked. */
export interface MetadataField {
  name: string;
  type: string;
  row: number;
}

export interface ImportedLanguage {
  /** The language as the workbook names it, e.g. "English (en)"; "" for columns without a language. */
  name: string;
  /** The SurveyJS locale, e.g. "en", "zh-cn"; the default language's strings sit under "default". */
  code: string;
  isDefault: boolean;
}

export interface XlsformImport {
  /** The SurveyJS questionnaire. */
  survey: JsonObject;
  warnings: XlsformIssue[];
  languages: ImportedLanguage[];
  /** Choice list name → number of choices, for every list of the choices sheets. */
  choiceLists: Record<string, number>;
  metadata: MetadataField[];
  /** Questions created, counting those inside repeats once (as templates). */
  questionCount: number;
}
