import { beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../src/report/html/reportHtml.ts";
import { reportLanguages, reportMessages } from "../src/report/messages/index.ts";
import type { ReportModel } from "../src/report/model/reportModel.ts";
import { findingSentence } from "../src/report/render/findingSentences.ts";
import { reportFormat } from "../src/report/render/reportFormat.ts";
import { reportLabels } from "../src/report/render/reportLabels.ts";
import type { LoadedStudy } from "../src/study/types.ts";
import { demoReport } from "./support/reportDemo.ts";

let study: LoadedStudy;
let model: ReportModel;
const html = new Map<string, string>();

beforeAll(async () => {
  ({ study, model } = await demoReport({ seed: 7, n: { china: 400, lac: 600 } }));
  for (const language of reportLanguages)
    html.set(language, await renderReportHtml(study, model, { language }));
}, 240_000);

/** Rounds every number to 4 decimals and drops the generation time: the golden file then changes only with the content. */
function normalised(value: unknown): unknown {
  if (typeof value === "number")
    return Number.isFinite(value) ? Math.round(value * 1e4) / 1e4 : String(value);
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "generatedAt")
        .map(([key, inner]) => [key, normalised(inner)]),
    );
  return value;
}

describe("the report (golden files)", () => {
  it("keeps the report model", async () => {
    await expect(`${JSON.stringify(normalised(model), null, 1)}\n`).toMatchFileSnapshot(
      "fixtures/report/model.seed7.json",
    );
  });

  it("words the key findings in every language", async () => {
    const sentences = Object.fromEntries(
      reportLanguages.map((language) => {
        const messages = reportMessages(language);
        const labels = reportLabels(study, language, messages);
        return [
          language,
          model.findings.map((fact) => findingSentence(fact, messages, labels, reportFormat(messages))),
        ];
      }),
    );
    await expect(`${JSON.stringify(sentences, null, 1)}\n`).toMatchFileSnapshot(
      "fixtures/report/findings.seed7.json",
    );
    for (const language of reportLanguages)
      for (const sentence of sentences[language]) expect(sentence).not.toMatch(/\{\w+\}/);
  });
});

describe("the HTML report", () => {
  it("is one self-contained file: no external script, style, image or font", () => {
    for (const page of html.values()) {
      expect(page).not.toMatch(/<(script|link|img|iframe)\b/i);
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(page).not.toMatch(/url\(/i);
    }
  });

  it("labels simulated data on the cover", () => {
    expect(html.get("en")).toContain('id="simulated-banner"');
    expect(html.get("zh-cn")).toContain("模拟数据");
    expect(html.get("es")).toContain("DATOS SIMULADOS");
    expect(html.get("pt")).toContain("DADOS SIMULADOS");
  });

  it("has a chart with marks for every figure, and a contents entry for every concept", () => {
    const page = html.get("en") ?? "";
    const figures = page.split('<figure class="chart"').slice(1);
    expect(figures.length).toBeGreaterThan(20);
    for (const figure of figures) expect(figure).toMatch(/<path[^>]+d="M[\d.-]/);
    for (const section of model.concepts) expect(page).toContain(`-${section.id}">`);
  });

  it("writes its texts in the report's language", () => {
    expect(html.get("zh-cn")).toContain("<h2>主要发现</h2>");
    expect(html.get("es")).toContain("<h2>Principales hallazgos</h2>");
    expect(html.get("pt")).toContain("<h2>Principais resultados</h2>");
    expect(html.get("en")).toContain("<h2>Key findings</h2>");
    expect(html.get("es")).toMatch(/\d+ %|\d+%/);
  });
});
