import type { ErrorDetail } from "../errors.ts";
import { ParallaxError } from "../errors.ts";
import type { Mode, Population } from "../study/types.ts";

export interface Submission {
  id: string;
  language: string;
  mode: Mode;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
  /** The questionnaire version the respondent saw; the current one when absent. */
  questionnaireVersion?: string;
  /** A personal invitation's token, when the respondent came through one. */
  token?: string;
}

/** As `questionnaireVersion` in src/study/questionnaireVersion.ts makes them. */
const versionPattern = /^[0-9a-f]{16}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the envelope of a submitted response against its population, reporting every problem at once. */
export function parseSubmission(body: unknown, population: Population): Submission {
  const problems: ErrorDetail[] = [];
  if (!isPlainObject(body)) {
    throw new ParallaxError("RESPONSE_INVALID", undefined, [
      { path: "$", message: "the body must be a JSON object" },
    ]);
  }
  const { id, language, mode, answers, paradata, questionnaireVersion, token } = body;
  if (typeof id !== "string" || !uuidPattern.test(id)) {
    problems.push({ path: "id", message: "must be a UUID chosen by the client" });
  }
  if (typeof language !== "string" || !population.languages.includes(language)) {
    problems.push({ path: "language", message: `must be one of ${population.languages.join(", ")}` });
  }
  if (typeof mode !== "string" || !population.modes.includes(mode as Mode)) {
    problems.push({ path: "mode", message: `must be one of ${population.modes.join(", ")}` });
  }
  if (!isPlainObject(answers)) problems.push({ path: "answers", message: "must be an object" });
  if (paradata !== undefined && !isPlainObject(paradata)) {
    problems.push({ path: "paradata", message: "must be an object" });
  }
  // Checked for shape before it reaches a query: PostgreSQL refuses text with a NUL byte outright.
  if (
    questionnaireVersion !== undefined &&
    (typeof questionnaireVersion !== "string" || !versionPattern.test(questionnaireVersion))
  ) {
    problems.push({
      path: "questionnaireVersion",
      message: "must be a questionnaire version (16 hex digits)",
    });
  }
  if (token !== undefined && (typeof token !== "string" || token.length > 200)) {
    problems.push({ path: "token", message: "must be the invitation's token" });
  }
  const known = new Set([
    "id",
    "language",
    "mode",
    "answers",
    "paradata",
    "questionnaireVersion",
    "token",
    "pageNo",
  ]);
  for (const key of Object.keys(body)) {
    if (!known.has(key)) problems.push({ path: key, message: "is not a field of a response" });
  }
  if (problems.length > 0) throw new ParallaxError("RESPONSE_INVALID", undefined, problems);
  return {
    id: (id as string).toLowerCase(),
    language: language as string,
    mode: mode as Mode,
    answers: answers as Record<string, unknown>,
    paradata: (paradata as Record<string, unknown> | undefined) ?? {},
    questionnaireVersion: questionnaireVersion as string | undefined,
    token: token as string | undefined,
  };
}
