/**
 * The study model. A study is a folder: `study.json` (this file's `StudyDefinition`) plus one SurveyJS
 * questionnaire JSON per population. Languages are SurveyJS locale codes ("en", "es", "pt", "zh-cn");
 * in questionnaire JSON the English string sits under SurveyJS's "default" key.
 */

/** Text in several languages, keyed by language code. */
export type LocalizedText = Record<string, string>;

export type Mode = "web" | "f2f";

export interface Site {
  /** Unique within the population; the value the population's `siteQuestion` records. */
  id: string;
  /** ISO 3166-1 alpha-2 country code; its name in each language comes from Intl.DisplayNames. */
  country: string;
  /** Present where the population is sampled by city. */
  city?: LocalizedText;
  /** The number of valid responses the fieldwork aims for at this site. */
  target: number;
}

export interface FieldworkWindow {
  /** ISO dates (YYYY-MM-DD), inclusive, in `timezone`. */
  start: string;
  end: string;
  /** IANA time zone in which the dates are read, e.g. "Asia/Shanghai". */
  timezone: string;
}

export interface Population {
  id: string;
  name: LocalizedText;
  /** File name of the SurveyJS questionnaire, relative to the study folder. */
  questionnaire: string;
  /** The languages this population answers in: a subset of the study's languages. */
  languages: string[];
  modes: Mode[];
  fieldwork: FieldworkWindow;
  /** A SurveyJS expression over the answers, e.g. "{age} >= 18 and {age} <= 70". */
  eligibility?: string;
  /** What an ineligible respondent is told, in each of the population's languages. */
  screenOutMessage?: LocalizedText;
  /** The question whose answer (a site id) places a respondent in a site. */
  siteQuestion?: string;
  sites: Site[];
  /** Quota cells, counted atomically as complete responses arrive. */
  quotas?: QuotaDefinition[];
}

/** One axis of a quota: a choice question's values, or a numeric question cut into bands. */
export interface QuotaDimension {
  question: string;
  /** For a numeric question: inclusive ranges, each with the id used in cell keys (e.g. "18-29"). */
  bands?: Array<{ id: string; min: number; max: number }>;
}

export interface QuotaDefinition {
  id: string;
  label: LocalizedText;
  dimensions: QuotaDimension[];
  /** Target per cell; a cell's key joins its levels with "|" in dimension order, e.g. "mx|female|18-29". */
  targets: Record<string, number>;
  /** The target of every cell not listed in `targets`. */
  defaultTarget?: number;
  /** What happens when a cell is full: screen the respondent out, or close the cell's site. */
  whenFull: "screen_out" | "close_site";
  /** What a respondent in a full cell is told, in each of the population's languages. */
  message: LocalizedText;
}

export interface ConceptQuestion {
  population: string;
  question: string;
  /** This question's choice value → the concept's value, where the two differ. */
  choiceMap?: Record<string, string>;
}

/** A concept links questions that mirror each other across populations. */
export interface Concept {
  id: string;
  label: LocalizedText;
  questions: ConceptQuestion[];
}

export interface StudyDefinition {
  id: string;
  title: LocalizedText;
  /** Every language the study is published in; populations answer in subsets of these. */
  languages: string[];
  populations: Population[];
  concepts: Concept[];
}

/** A SurveyJS questionnaire as JSON. Only the parts Parallax reads are typed. */
export interface QuestionnaireJson {
  title?: LocalizedText | string;
  pages?: SurveyPageJson[];
  elements?: SurveyElementJson[];
  [key: string]: unknown;
}

export interface SurveyPageJson {
  name?: string;
  title?: LocalizedText | string;
  visibleIf?: string;
  elements?: SurveyElementJson[];
  [key: string]: unknown;
}

export interface SurveyElementJson {
  type: string;
  name: string;
  title?: LocalizedText | string;
  elements?: SurveyElementJson[];
  templateElements?: SurveyElementJson[];
  choices?: Array<
    string | number | { value: string | number; text?: LocalizedText | string; [key: string]: unknown }
  >;
  [key: string]: unknown;
}

/** A study as loaded: its definition with each population's questionnaire and version. */
export interface LoadedStudy {
  definition: StudyDefinition;
  /** Absolute path of the study folder. */
  directory: string;
  questionnaires: Record<string, LoadedQuestionnaire>;
}

export interface LoadedQuestionnaire {
  population: string;
  /** File name relative to the study folder. */
  file: string;
  json: QuestionnaireJson;
  /** Content hash of the questionnaire JSON: a submission names the version it answered. */
  version: string;
}
