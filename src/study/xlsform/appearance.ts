import type { ConvertContext } from "./convertContext.ts";
import type { JsonObject, RawRow } from "./types.ts";

// Layout hints for ODK Collect's screens that change nothing a SurveyJS respondent sees or answers.
const harmless = new Set([
  "quick",
  "no-calendar",
  "thousands-sep",
  "hidden-answer",
  "new",
  "selfie",
  "new-front",
]);

function columns(question: JsonObject, token: string): boolean {
  if (["horizontal", "horizontal-compact", "likert", "columns", "columns-pack"].includes(token)) {
    question.colCount = 0;
    return true;
  }
  const count = /^columns-(\d+)$/.exec(token);
  if (count?.[1]) {
    question.colCount = Number(count[1]);
    return true;
  }
  return false;
}

function applyToken(question: JsonObject, token: string): boolean {
  if (harmless.has(token) || /^w\d+$/.test(token)) return true;
  switch (question.type) {
    case "radiogroup":
      if (["minimal", "autocomplete", "search"].includes(token)) {
        question.type = "dropdown";
        return true;
      }
      return columns(question, token);
    case "checkbox":
      if (["minimal", "autocomplete", "search"].includes(token)) {
        question.type = "tagbox";
        return true;
      }
      return columns(question, token);
    case "text":
      if (token === "multiline") {
        question.type = "comment";
        delete question.inputType;
        return true;
      }
      if (token === "numbers") {
        question.validators = [
          ...((question.validators as JsonObject[]) ?? []),
          { type: "regex", regex: "^[0-9.\\-]*$" },
        ];
        return true;
      }
      if (token === "month-year" && question.inputType === "date") {
        question.inputType = "month";
        return true;
      }
      return false;
    case "file":
      if ((token === "signature" || token === "draw") && question.acceptedTypes === "image/*") {
        question.type = "signaturepad";
        delete question.acceptedTypes;
        return true;
      }
      return false;
    default:
      return false;
  }
}

/** Applies the appearance column where SurveyJS has an equivalent and warns about the rest. */
export function applyAppearance(context: ConvertContext, row: RawRow, question: JsonObject): void {
  const appearance = context.survey.text(row, "appearance");
  if (appearance === undefined) return;
  if (/search\s*\(/.test(appearance)) {
    context.log.error(
      context.survey.path(row, "appearance"),
      `${appearance} reads choices from a file beside the form, which Parallax does not import`,
    );
    return;
  }
  const ignored: string[] = [];
  for (const token of appearance.split(/\s+/)) {
    if (!applyToken(question, token.toLowerCase())) ignored.push(token);
  }
  if (ignored.length > 0) {
    context.log.warn(
      context.survey.path(row, "appearance"),
      `the appearance ${ignored.join(" ")} has no SurveyJS equivalent for a ${String(question.type)} question; ignored`,
    );
  }
}
