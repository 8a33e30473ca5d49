import type { LoadedStudy } from "../../study/types.ts";
import { createChartRenderer } from "../charts/renderChart.ts";
import { fill, reportMessages } from "../messages/index.ts";
import type { ReportModel } from "../model/reportModel.ts";
import { findingSentence } from "../render/findingSentences.ts";
import { reportFormat } from "../render/reportFormat.ts";
import { reportLabels } from "../render/reportLabels.ts";
import { conceptHtml, type RenderContext } from "./conceptHtml.ts";
import { escapeHtml } from "./htmlText.ts";
import { methodologyHtml } from "./methodologyHtml.ts";
import { reportStyles } from "./reportStyles.ts";

export interface HtmlOptions {
  language: string;
  onProgress?: (done: number, total: number) => void;
}

/** The report as one self-contained HTML file: inline CSS and SVG charts, no external request. */
export async function renderReportHtml(
  study: LoadedStudy,
  model: ReportModel,
  options: HtmlOptions,
): Promise<string> {
  const messages = reportMessages(options.language);
  const labels = reportLabels(study, options.language, messages);
  const format = reportFormat(messages);
  const context: RenderContext = { messages, labels, format, charts: createChartRenderer(messages) };
  const m = messages;
  const simulated = model.simulatedShare > 0;
  const cover = [
    `<header class="cover"><h1>${escapeHtml(labels.studyTitle)}</h1>`,
    `<p class="subtitle">${escapeHtml(labels.list(model.populations.map((population) => labels.population(population))))}</p>`,
    simulated ? `<p class="simulated" id="simulated-banner">${escapeHtml(m.simulatedBanner)}</p>` : "",
    `<p>${escapeHtml(fill(m.generatedOn, { date: format.date(model.generatedAt) }))}</p></header>`,
  ].join("\n");
  const anchors = model.concepts.map(
    (section, index) => `concept-${index + 1}-${section.id.replace(/[^a-z0-9_-]/gi, "")}`,
  );
  const toc = [
    `<nav class="toc"><h2>${m.contents}</h2><ol>`,
    `<li><a href="#findings">${m.keyFindings}</a></li>`,
    `<li><a href="#methodology">${m.methodology}</a><ol><li><a href="#fieldwork">${m.fieldwork}</a></li><li><a href="#validity">${m.validity}</a></li><li><a href="#weighting">${m.weighting}</a></li></ol></li>`,
    `<li><a href="#results">${m.results}</a><ol>`,
    ...model.concepts.map(
      (section, index) =>
        `<li><a href="#${anchors[index]}">${escapeHtml(labels.concept(section.id))}</a></li>`,
    ),
    "</ol></li></ol></nav>",
  ].join("\n");
  const findings = `<section class="major" id="findings"><h2>${m.keyFindings}</h2>${simulated ? `<p class="simulated-mark">${escapeHtml(m.simulatedBanner)}</p>` : ""}<ol class="findings">${model.findings
    .map((fact) => `<li>${escapeHtml(findingSentence(fact, messages, labels, format))}</li>`)
    .join("")}</ol></section>`;
  const method = `<section class="major" id="methodology"><h2>${m.methodology}</h2>${methodologyHtml(study, model.methodology, context)}</section>`;
  const concepts: string[] = [];
  for (const [index, section] of model.concepts.entries()) {
    options.onProgress?.(index, model.concepts.length);
    concepts.push(await conceptHtml(section, anchors[index], context));
  }
  options.onProgress?.(model.concepts.length, model.concepts.length);
  const results = `<section class="major" id="results"><h2>${m.results}</h2>${concepts.join("\n")}</section>`;
  return `<!DOCTYPE html>
<html lang="${options.language === "zh-cn" ? "zh-Hans" : options.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.studyTitle)}</title>
<style>${reportStyles}</style></head>
<body>
${cover}
${toc}
${findings}
${method}
${results}
</body></html>
`;
}
