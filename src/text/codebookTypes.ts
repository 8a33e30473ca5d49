import type { TextLanguage } from "./language.ts";

/**
 * A codebook codes the answers to one open question. Files live in the study folder as
 * `codebooks/<population>.<question>.json` (or `codebooks/<question>.json` when every population asking
 * the question shares it).
 */
export interface Codebook {
  /** The question's name in the questionnaire. */
  question: string;
  codes: Code[];
  nets: Net[];
}

export interface Code {
  /** Lower-case letters, digits and underscores; `other` and `none` are reserved. */
  id: string;
  /** The code's name in each study language. */
  label: Record<string, string>;
  /** Per language (or `all`, merged into every language): what makes an answer carry this code. */
  patterns: Partial<Record<PatternLanguage, PatternSet>>;
}

/** `all` holds names written alike in every language (DeepSeek, BYD, Huawei). */
export type PatternLanguage = TextLanguage | "all";

export interface PatternSet {
  /** Whole words, compared accent-folded (Chinese: a word, found inside a jieba word too). */
  words?: string[];
  /** Words compared by Snowball stem, so every inflection matches (Latin-script languages only). */
  stems?: string[];
  /** Word sequences, compared stem by stem with stop words skipped. */
  phrases?: string[];
  /** Regular expressions (Unicode) over the normalised, accent-folded, lower-case answer. */
  regex?: string[];
}

/** A group of codes reported together ("net"): an answer is in the net when it carries any of them. */
export interface Net {
  id: string;
  label: Record<string, string>;
  codes: string[];
}

/** Assigned to a non-empty answer that no pattern codes; it takes no patterns. */
export const OTHER_CODE = "other";
/** None / Don't know: given only when no other code matches. */
export const NONE_CODE = "none";

export const patternKinds = ["words", "stems", "phrases", "regex"] as const;
export type PatternKind = (typeof patternKinds)[number];
