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
  // GC entries are delivered only when the event loop turns, after the synchronous phases: each pause is
  // placed in its phase afterwards, by its start time.
  const boundaries: Array<{ at: number; phase: ReportPhase | null }> = [];
  const pauses: Array<{ startTime: number; duration: number }> = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      pauses.push({ startTime: entry.startTime, duration: entry.duration });
  });
  gc.observe({ entryTypes: ["gc"] });
  const enter = (phase: ReportPhase | null) => {
    const now = performance.now();
    if (current) phases[current] += now - phaseStart;
    current = phase;
    phaseStart = now;
    boundaries.push({ at: now, phase });
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
  enter(null);
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  gc.disconnect();
  for (const pause of pauses) {
    const phase = boundaries.findLast((boundary) => boundary.at <= pause.startTime)?.phase;
    if (phase) gcPhases[phase] += pause.duration;
  }
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
