import type { LocalizedText } from "../study/types.ts";
import type { Severity } from "./types.ts";

/** A condition on one answer: a choice among `values` (ticked, for a checkbox), or a number in [min, max]. */
export interface AnswerCondition {
  question: string;
  values?: string[];
  min?: number;
  max?: number;
}

/** Two answers that cannot both be true of one person. */
export interface ContradictingPair {
  id: string;
  /** Only this population; every population whose questionnaire has both questions when absent. */
  population?: string;
  first: AnswerCondition;
  second: AnswerCondition;
  /** What contradicts, in each study language, shown in the reason. */
  description: LocalizedText;
}

export interface GridConfig {
  population?: string;
  /** Questions answered on one scale; their shared choice order is the scale. */
  questions: string[];
}

export interface AttentionCheck {
  population?: string;
  question: string;
  /** The answers an attentive respondent gives. */
  expected: string[];
}

export interface QualityConfig {
  rules: {
    incomplete: { severity: Severity };
    ineligible: { severity: Severity };
    speeder: {
      severity: Severity;
      /** Flag when the duration is below this share of the median of the same population and mode. */
      relativeDuration: number;
      /** Or when at least this share of questions took less than `fastQuestionRatio` of their median time. */
      fastQuestionShare: number;
      fastQuestionRatio: number;
      /** Below this many responses in a population and mode, the median is not trusted: no flags. */
      minGroupSize: number;
    };
    straightliner: {
      severity: Severity;
      /** Grids to check; when empty, runs of 3+ single-choice questions with one choice list. */
      grids: GridConfig[];
      /** Flag when the answers' standard deviation on the scale is at most this (0: identical answers). */
      maxStandardDeviation: number;
      /** Answers off the scale (such as "don't know"), left out of the variance. */
      offScaleValues: string[];
      /** Answers needed on the scale before a grid can be judged. */
      minAnswered: number;
    };
    attention: { severity: Severity; checks: AttentionCheck[] };
    duplicate: {
      severity: Severity;
      /** Paradata keys that identify a respondent or device (a link token, a device id). */
      identifierKeys: string[];
      /** Modes in which those identifiers belong to one respondent (an interviewer's tablet does not). */
      identifierModes: string[];
      identicalAnswers: boolean;
    };
    near_duplicate: {
      severity: Severity;
      /**
       * The threshold is calibrated per population from the distribution of each response's maximum
       * percent-match: median + robustZ × (1.4826 × MAD), and never below `minimumMatch`.
       */
      robustZ: number;
      minimumMatch: number;
      /** Populations smaller than this are not calibrated (no flags). */
      minGroupSize: number;
      /**
       * Compare within a site (someone answering twice names the same country or city; the cost is the sum
       * of the squared site sizes) or across the whole population.
       */
      scope: string;
    };
    gibberish: {
      severity: Severity;
      /** Open questions to check; every open question when empty. */
      questions: string[];
    };
    inconsistent: { severity: Severity; pairs: ContradictingPair[] };
  };
  interviewers: {
    severity: Severity;
    /** Interviewers with fewer interviews are not judged. */
    minInterviews: number;
    /** Flag when the robust Mahalanobis distance exceeds this (√χ² quantile for the indicators used). */
    distanceQuantile: number;
    /** An indicator whose robust z-score is at least this in size is named as a driver. */
    driverZ: number;
    /** Single-choice questions on an ordered scale, for extreme and middle answers; grids when empty. */
    scaleQuestions: string[];
    /** Answers that count as item non-response. */
    nonResponseValues: string[];
    /** Answers that count as "other". */
    otherValues: string[];
    /** Numeric questions for the last-digit (heaping) indicator. */
    digitQuestions: string[];
    /** Numeric questions spanning orders of magnitude (income, spending) for the Benford indicator. */
    benfordQuestions: string[];
  };
}

export const defaultQualityConfig: QualityConfig = {
  rules: {
    incomplete: { severity: "exclude" },
    ineligible: { severity: "exclude" },
    speeder: {
      severity: "exclude",
      relativeDuration: 0.4,
      fastQuestionShare: 0.5,
      fastQuestionRatio: 0.3,
      minGroupSize: 20,
    },
    straightliner: {
      severity: "exclude",
      grids: [],
      maxStandardDeviation: 0.45,
      offScaleValues: [],
      minAnswered: 3,
    },
    attention: { severity: "exclude", checks: [] },
    duplicate: {
      severity: "exclude",
      identifierKeys: ["token", "deviceId"],
      identifierModes: ["web"],
      identicalAnswers: true,
    },
    near_duplicate: { severity: "exclude", robustZ: 6, minimumMatch: 0.85, minGroupSize: 30, scope: "site" },
    gibberish: { severity: "exclude", questions: [] },
    inconsistent: { severity: "exclude", pairs: [] },
  },
  interviewers: {
    severity: "exclude",
    minInterviews: 8,
    distanceQuantile: 0.999,
    driverZ: 2.5,
    scaleQuestions: [],
    nonResponseValues: ["dont_know"],
    otherValues: ["other"],
    digitQuestions: [],
    benfordQuestions: [],
  },
};
