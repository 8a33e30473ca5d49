import { PerformanceObserver } from "node:perf_hooks";
import type { Jieba } from "@node-rs/jieba";
import type { QualityConfig } from "../../src/quality/qualityConfig.ts";
import type { ScreenedResponse } from "../../src/quality/types.ts";
import { renderReportHtml } from "../../src/report/html/reportHtml.ts";
import { buildReportModel } from "../../src/report/model/buildReportModel.ts";
import type { WeightingConfig } from "../../src/report/weighting/weightingConfig.ts";
import type { LoadedStudy } from "../../src/study/types.ts";
import type { Codebook } from "../../src/text/codebookTypes.ts";

export const reportPhases = ["screen", "code", "weight", "estimate", "html"] as const;
export type ReportPhase = (typeof reportPhases)[number];

export interface ReportTiming {
  valid: number;
  wallMs: number;
  cpuMs: number;
  phases: Record<ReportPhase, number>;
  /** Garbage-collection pauses of the main thread within each phase (part of its wall time). */
  gcPhases: Record<ReportPhase, number>;
  htmlBytes: number;
}

export interface ReportBenchInputs {
  study: LoadedStudy;
  responses: ScreenedResponse[];
  quality: QualityConfig;
  weighting: WeightingConfig | null;
  codebooks: Map<string, Codebook>;
  jieba: Jieba;
  language: string;
}

/**
 * What `parallax report` does once the responses are loaded — screen, code, weight, estimate, render the
 * HTML — timed end to end and split by phase (the model's own progress steps mark the phase boundaries).
 */
export async function timeReport(
  inputs: ReportBenchInputs,
  onStep: (step: string, done: number, total: number) => void = () => {},
): Promise<ReportTiming> {
  const phases: Record<ReportPhase, number> = { screen: 0, code: 0, weight: 0, estimate: 0, html: 0 };
  const gcPhases: Record<ReportPhase, number> = { screen: 0, code: 0, weight: 0, estimate: 0, html: 0 };
  let current: ReportPhase | null = null;
  let phaseStart = 0;
  // Entries arrive after the pause; a pause is counted in the phase that is current when it is reported.
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (current) gcPhases[current] += entry.duration;
  });
  gc.observe({ entryTypes: ["gc"] });
  const enter = (phase: ReportPhase | null) => {
    const now = performance.now();
    if (current) phases[current] += now - phaseStart;
    current = phase;
    phaseStart = now;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = buildReportModel({
    study: inputs.study,
    responses: inputs.responses,
    quality: inputs.quality,
    weighting: inputs.weighting,
    codebooks: inputs.codebooks,
    jieba: inputs.jieba,
    generatedAt: new Date().toISOString(),
    onProgress: (step, done, total) => {
      if (step !== current && (reportPhases as readonly string[]).includes(step)) enter(step as ReportPhase);
      onStep(step, done, total);
    },
  });
  enter("html");
  const html = await renderReportHtml(inputs.study, model, {
    language: inputs.language,
    onProgress: (done, total) => onStep("html", done, total),
  });
  await new Promise((resolve) => setImmediate(resolve));
  enter(null);
  gc.disconnect();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const valid = model.methodology.populations.reduce((sum, population) => sum + population.valid, 0);
  return { valid, wallMs, cpuMs: (used.user + used.system) / 1000, phases, gcPhases, htmlBytes: html.length };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
