import { describe, expect, it } from "vitest";
import type { QuestionnaireJson, StudyDefinition } from "../../../study/types.ts";
import type { ExportResponse } from "../exportTable.ts";
import { exportSav } from "./exportSav.ts";

const questionnaire: QuestionnaireJson = {
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "country",
          title: { default: "Where?", es: "¿Dónde?" },
          choices: [
            { value: "ar", text: { default: "Argentina", es: "Argentina" } },
            { value: "mx", text: { default: "Mexico", es: "México" } },
          ],
        },
        { type: "rating", name: "trust", title: "Trust" },
        { type: "text", name: "weight", inputType: "number", title: "Weight" },
      ],
    },
  ],
};

const study = {
  id: "s",
  title: { en: "S", es: "Estudio" },
  languages: ["es"],
  concepts: [],
  populations: [{ id: "adults", name: { en: "Adults", es: "Adultos" }, languages: ["es"] }],
} as unknown as StudyDefinition;

const response = (id: string, answers: Record<string, unknown>): ExportResponse => ({
  id,
  populationId: "adults",
  siteId: "mx",
  language: "es",
  mode: "web",
  status: "complete",
  questionnaireVersion: "v1",
  receivedAt: "2025-05-02T10:05:00.000Z",
  answers,
  paradata: {},
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("exportSav", () => {
  const { bytes, warnings } = exportSav(
    study,
    { adults: questionnaire },
    [
      response("r1", { country: "mx", trust: 4, weight: 1.25 }),
      response("r2", { country: "br", trust: 2, weight: 0.75 }),
    ],
    "es",
    new Date("2025-05-02T00:00:00Z"),
  );
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const caseSize = view.getInt32(68, true);
  const caseAt = (row: number) => bytes.length - (2 - row) * caseSize * 8;

  it("codes string choices 1..k, values outside the choices after them, and documents the codes", () => {
    const file = text(bytes);
    expect(file).toContain("country: 1=ar");
    expect(file).toContain("country: 2=mx");
    expect(file).toContain("country: 3=br");
    expect(file).toContain("México");
    expect(warnings).toEqual([]);
  });

  it("sets the header's weight index when the export has a numeric weight column", () => {
    // Seven one-segment texts (id … questionnaire_version), received_at (A24: three), duration, country,
    // trust: the weight starts at segment 14.
    expect(view.getInt32(76, true)).toBe(14);
    const weightAt = caseAt(0) + 13 * 8;
    expect(view.getFloat64(weightAt, true)).toBe(1.25);
    expect(view.getFloat64(caseAt(1) + 11 * 8, true)).toBe(3);
    expect(view.getFloat64(caseAt(0) + 11 * 8, true)).toBe(2);
  });

  it("labels the file with the study title in the chosen language", () => {
    expect(text(bytes.subarray(109, 173)).trimEnd()).toBe("Estudio");
  });
});
