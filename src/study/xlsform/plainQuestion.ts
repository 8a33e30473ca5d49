import type { ConvertContext } from "./convertContext.ts";
import type { JsonObject, RawRow } from "./types.ts";

// Types whose answers SurveyJS cannot take: a map drawing, an OpenStreetMap edit, another form.
const unsupported: Record<string, string> = {
  geotrace: "a line drawn on a map has no SurveyJS question type",
  geoshape: "a shape drawn on a map has no SurveyJS question type",
  osm: "OpenStreetMap feature capture has no SurveyJS question type",
  include: "including another form by name is not supported; paste its rows into this workbook",
  "xml-external": "external XML data files are not supported",
  "csv-external": "external CSV data files are not supported",
  hidden: "a hidden field with no calculation has no SurveyJS equivalent; use calculate",
};

const geopointPattern = "^\\s*-?\\d{1,2}(\\.\\d+)?\\s+-?\\d{1,3}(\\.\\d+)?(\\s+-?\\d+(\\.\\d+)?){0,2}\\s*$";

/** `start=1 end=10 step=1` (spaces, commas or semicolons between). */
export function parseParameters(text: string | undefined): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of (text ?? "").split(/[\s,;]+/)) {
    const [key, value] = pair.split("=");
    if (key && value !== undefined) parameters[key.trim().toLowerCase()] = value.trim();
  }
  return parameters;
}

function rangeQuestion(context: ConvertContext, row: RawRow): JsonObject | undefined {
  const parameters = parseParameters(context.survey.text(row, "parameters"));
  const start = Number(parameters.start ?? 1);
  const end = Number(parameters.end ?? 10);
  const step = Number(parameters.step ?? 1);
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    context.log.error(context.survey.path(row, "parameters"), "range needs numbers start ≤ end and step > 0");
    return undefined;
  }
  const count = Math.floor((end - start) / step) + 1;
  // A short scale reads best as rating buttons; a long one as a slider.
  if (count <= 11) return { type: "rating", rateMin: start, rateMax: end, rateStep: step };
  return { type: "text", inputType: "range", min: start, max: end, step };
}

/** The SurveyJS question for a non-select XLSForm type, or undefined (with an error logged). */
export function plainQuestion(context: ConvertContext, row: RawRow, type: string): JsonObject | undefined {
  const typePath = context.survey.path(row, "type");
  const reason = unsupported[type];
  if (reason) {
    context.log.error(typePath, reason);
    return undefined;
  }
  switch (type) {
    case "text": {
      const rows = Number(context.survey.text(row, "rows"));
      return Number.isInteger(rows) && rows > 1 ? { type: "comment", rows } : { type: "text" };
    }
    case "integer":
      return { type: "text", inputType: "number", validators: [{ type: "regex", regex: "^-?[0-9]+$" }] };
    case "decimal":
      return { type: "text", inputType: "number" };
    case "percentage":
      return { type: "text", inputType: "number", min: 0, max: 100 };
    case "phone number":
      return { type: "text", inputType: "tel", validators: [{ type: "regex", regex: "^[0-9]*$" }] };
    case "range":
      return rangeQuestion(context, row);
    case "date":
      return { type: "text", inputType: "date" };
    case "time":
      return { type: "text", inputType: "time" };
    case "datetime":
      return { type: "text", inputType: "datetime-local" };
    case "note":
      return { type: "html" };
    case "acknowledge":
      return { type: "boolean", renderAs: "checkbox", valueTrue: "OK" };
    case "geopoint":
      context.log.warn(typePath, 'SurveyJS has no GPS capture: the respondent types "latitude longitude"');
      return {
        type: "text",
        placeholder: "latitude longitude",
        validators: [{ type: "regex", regex: geopointPattern }],
      };
    case "barcode":
      context.log.warn(typePath, "SurveyJS has no barcode scanner: the respondent types the code");
      return { type: "text" };
    case "image":
      return { type: "file", acceptedTypes: "image/*" };
    case "audio":
      return { type: "file", acceptedTypes: "audio/*" };
    case "video":
      return { type: "file", acceptedTypes: "video/*" };
    case "file":
      return { type: "file" };
    case "calculate":
      return { type: "expression" };
    default:
      context.log.error(typePath, `"${type}" has no SurveyJS equivalent`);
      return undefined;
  }
}
