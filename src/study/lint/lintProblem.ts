export type LintSeverity = "error" | "warning";

/** The rule that found a problem; lets a reader filter a report and a test assert which check fired. */
export type LintRule =
  | "translation"
  | "language"
  | "duplicate"
  | "name"
  | "expression"
  | "reference"
  | "site-question"
  | "eligibility"
  | "concept"
  | "load";

export interface LintProblem {
  severity: LintSeverity;
  /** File name relative to the study folder, e.g. "study.json" or "lac.json". */
  file: string;
  /** JSON path inside the file, e.g. "$.pages[2].elements[4].choices[1].text". */
  path: string;
  message: string;
  rule: LintRule;
}

/** Collects problems for one file so each check states only what differs: severity, path, message. */
export class ProblemSink {
  readonly problems: LintProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly rule: LintRule,
  ) {}

  error(path: string, message: string): void {
    this.problems.push({ severity: "error", file: this.file, path, message, rule: this.rule });
  }

  warning(path: string, message: string): void {
    this.problems.push({ severity: "warning", file: this.file, path, message, rule: this.rule });
  }
}
