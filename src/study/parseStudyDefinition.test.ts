import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import { parseStudyDefinition } from "./parseStudyDefinition.ts";

const population = {
  id: "adults",
  name: { en: "Adults" },
  questionnaire: "adults.json",
  languages: ["en"],
  modes: ["web"],
  fieldwork: { start: "2025-05-01", end: "2025-06-30", timezone: "America/Mexico_City" },
  sites: [{ id: "mx", country: "MX", target: 10 }],
};
const valid = { id: "s", title: { en: "S" }, languages: ["en"], populations: [population], concepts: [] };

function problemsOf(value: unknown): string[] {
  try {
    parseStudyDefinition(typeof value === "string" ? value : JSON.stringify(value));
  } catch (error) {
    if (error instanceof ParallaxError)
      return error.details.map((detail) => `${detail.path}: ${detail.message}`);
    throw error;
  }
  return [];
}

describe("parseStudyDefinition", () => {
  it("accepts a well-formed study", () => {
    expect(parseStudyDefinition(JSON.stringify(valid)).populations[0].sites[0].country).toBe("MX");
  });

  it("names the file, line and column of a JSON syntax error", () => {
    expect(problemsOf('{\n  "id": "s",\n  "title": }')).toEqual(['study.json:3:12: unexpected "}"']);
    expect(problemsOf('{"id": "s", "title": {"en": "S"')).toEqual([
      "study.json:1:32: unexpected end of file",
    ]);
  });

  it("reports every shape problem at once with its JSON path", () => {
    const broken = {
      ...valid,
      title: "S",
      populations: [
        {
          ...population,
          modes: ["web", "phone"],
          fieldwork: { start: "2025-07-01", end: "2025-06-30", timezone: "Mars/Olympus" },
          sites: [{ id: "mx", country: "Mexico", target: -1 }],
        },
      ],
    };
    expect(problemsOf(broken)).toEqual([
      "study.json $.title: must be an object",
      'study.json $.populations[0].modes[1]: must be "web" or "f2f", not "phone"',
      "study.json $.populations[0].fieldwork: start must not come after end",
      'study.json $.populations[0].fieldwork.timezone: "Mars/Olympus" is not an IANA time zone',
      "study.json $.populations[0].sites[0].country: must be an ISO 3166-1 alpha-2 code such as AR",
      "study.json $.populations[0].sites[0].target: must be a whole number of zero or more",
    ]);
  });
});
