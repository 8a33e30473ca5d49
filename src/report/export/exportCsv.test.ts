import { describe, expect, it } from "vitest";
import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import { type ExportResponse, exportCsv } from "./exportCsv.ts";

const questionnaire: QuestionnaireJson = {
  pages: [
    {
      type: "page",
      name: "p1",
      elements: [
        { type: "text", name: "age", inputType: "number", title: { default: "Age", es: "Edad" } },
        {
          type: "checkbox",
          name: "likes",
          title: { default: "Likes", es: "Gustos" },
          choices: [
            { value: "football", text: { default: "Football", es: "Fútbol" } },
            { value: "food", text: { default: "Food", es: "Comida" } },
          ],
          showNoneItem: true,
        },
        { type: "ranking", name: "rank", title: "Rank", choices: ["china", "usa"] },
        { type: "html", name: "note", html: "a note" },
        { type: "comment", name: "words", title: { default: "Words", es: "Palabras" } },
      ],
    },
  ],
};

const study = {
  id: "s",
  title: { en: "S", es: "S" },
  languages: ["es", "en"],
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
  paradata: { startedAt: "2025-05-02T10:00:00.000Z", endedAt: "2025-05-02T10:04:30.000Z" },
});

describe("exportCsv", () => {
  const result = exportCsv(
    study,
    { adults: questionnaire },
    [
      response("r1", { age: 30, likes: ["food"], rank: ["usa", "china"], words: 'fútbol, "samba"\ny café' }),
      response("r2", { age: 41 }),
    ],
    "es",
  );
  const [header, first, second] = result.data.split("\r\n");

  it("writes one column per answer, 0/1 per choice and a rank per item", () => {
    expect(header).toBe(
      "id,population,site,language,mode,status,questionnaire_version,received_at,duration_seconds," +
        "age,likes.football,likes.food,likes.none,rank.china,rank.usa,words",
    );
    expect(first).toBe(
      'r1,adults,mx,es,web,complete,v1,2025-05-02T10:05:00.000Z,270,30,0,1,0,2,1,"fútbol, ""samba""\ny café"',
    );
    expect(second).toBe("r2,adults,mx,es,web,complete,v1,2025-05-02T10:05:00.000Z,270,41,,,,,,");
  });

  it("describes each variable in the chosen language", () => {
    const lines = result.codebook.split("\r\n");
    expect(lines[0]).toBe("variable,label,type,value_labels,populations");
    expect(lines).toContain("age,Edad,numeric,,Adultos");
    expect(lines).toContain("likes.food,Gustos: Comida,binary,0=no seleccionado | 1=seleccionado,Adultos");
    expect(lines).toContain("rank.usa,Rank: usa,rank,,Adultos");
  });
});
