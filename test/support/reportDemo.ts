import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readOpenCodebooks } from "../../src/cli/reportFiles.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { readWeighting } from "../../src/files/readWeighting.ts";
import { buildReportModel } from "../../src/report/model/buildReportModel.ts";
import type { ReportModel } from "../../src/report/model/reportModel.ts";
import { defaultFaultShares, simulateFieldwork } from "../../src/simulate/simulateFieldwork.ts";
import type { LoadedStudy } from "../../src/study/types.ts";
import { createJieba } from "../../src/text/createJieba.ts";

export const demoFolder = join(import.meta.dirname, "../../examples/china-lac");

/** The demo study's report on simulated fieldwork (marked simulated, as the loader marks it). */
export async function demoReport(options: { seed: number; n?: Record<string, number> }): Promise<{
  study: LoadedStudy;
  model: ReportModel;
}> {
  const study = await readStudyFolder(demoFolder);
  const quality = await readQualityConfig(study.directory);
  const simulation = simulateFieldwork(study, {
    seed: options.seed,
    n: options.n,
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 2,
    exact: true,
  });
  const responses = simulation.responses.map((response) => ({
    ...response,
    paradata: { ...response.paradata, simulated: true },
  }));
  const model = buildReportModel({
    study,
    responses,
    quality,
    weighting: await readWeighting(study.directory),
    codebooks: await readOpenCodebooks(study),
    jieba: createJieba(),
    generatedAt: "2025-07-01T00:00:00.000Z",
  });
  return { study, model };
}

export async function readFixture(name: string): Promise<string> {
  return readFile(join(import.meta.dirname, "../fixtures/report", name), "utf8");
}
