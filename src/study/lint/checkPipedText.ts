import { isKnownVariable } from "./checkExpression.ts";
import type { ProblemSink } from "./lintProblem.ts";

/** A piped name: braces around text with no quotes, colons or semicolons, so CSS rules in html are not names. */
const piped = /\{([^{}:;"']+)\}/g;

/**
 * SurveyJS replaces {name} in a text with that question's answer; a name that matches nothing is shown to
 * the respondent as it stands, braces and all. Reports each unknown name once per text, whatever its language.
 */
export function checkPipedText(
  sink: ProblemSink,
  path: string,
  value: unknown,
  known: ReadonlySet<string>,
): void {
  const texts =
    typeof value === "string"
      ? [value]
      : typeof value === "object" && value !== null
        ? Object.values(value)
        : [];
  const unknown = new Set<string>();
  for (const text of texts) {
    if (typeof text !== "string") continue;
    for (const match of text.matchAll(piped)) {
      const name = match[1].trim();
      if (!isKnownVariable(name, known)) unknown.add(name);
    }
  }
  for (const name of unknown) sink.error(path, `text shows {${name}}, which names no question`);
}
