import { ParallaxError } from "../errors.ts";
import { parseJson } from "./parseJson.ts";
import type { QuestionnaireJson } from "./types.ts";

/** Reads a SurveyJS questionnaire's text, checking that it has pages or elements to answer. */
export function parseQuestionnaire(text: string, file: string): QuestionnaireJson {
  const value = parseJson(text, file);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ParallaxError("STUDY_INVALID", `${file} is not a SurveyJS questionnaire`, [
      { path: `${file} $`, message: "must be an object" },
    ]);
  }
  const json = value as QuestionnaireJson;
  if (!Array.isArray(json.pages) && !Array.isArray(json.elements)) {
    throw new ParallaxError("STUDY_INVALID", `${file} is not a SurveyJS questionnaire`, [
      { path: `${file} $`, message: 'needs "pages" or "elements"' },
    ]);
  }
  return json;
}
