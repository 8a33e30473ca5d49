/** One problem in a submitted response: where (e.g. "answers.traits[2]") and what, in plain English. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** Chooses the language of a validator's own error text, where the questionnaire gives one. */
  locale?: string;
  /**
   * For a respondent screened out early or a saved partial response: required answers are not demanded,
   * but every answer that is present must still have the right type and choices and have been shown.
   */
  partial?: boolean;
}

/** A question as the compiled validator sees it, for callers that need to walk the questionnaire. */
export interface QuestionInfo {
  name: string;
  /** The key under which the answer is stored (the question's valueName, else its name). */
  answerKey: string;
  /** The SurveyJS question type, e.g. "radiogroup". */
  type: string;
  /** False for html, image and expression: the respondent gives them no answer. */
  takesAnswer: boolean;
}

export interface CompiledQuestionnaire {
  /** Every issue in the answers; an empty list means the response is valid. */
  validate(answers: Record<string, unknown>, options?: ValidateOptions): ValidationIssue[];
  /** Whether the question would have been shown to a respondent who gave these answers. */
  isVisible(name: string, answers: Record<string, unknown>): boolean;
  /** A valid answer to one question given the answers so far, for generating test responses. */
  sampleAnswer(name: string, answers: Record<string, unknown>, random: () => number): unknown;
  /** Answerable question names in questionnaire order. */
  questionNames: string[];
  questions: QuestionInfo[];
}
