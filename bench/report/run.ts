/**
 * Report generation time on the demo's simulated fieldwork (seed 1: 6,669 stored, 5,472 valid responses):
 * screen + code + weight + estimate (the model), then the HTML with its charts. The simulation itself is
 * not timed; the responses are handed over as the store returns them (asReadFromStore). Run: npx tsx bench/report/run.ts [language]
 */
import { readOpenCodebooks } from "../../src/cli/reportFiles.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { readWeighting } from "../../src/files/readWeighting.ts";
import { renderReportHtml } from "../../src/report/html/reportHtml.ts";
import { buildReportModel } from "../../src/report/model/buildReportModel.ts";
import { defaultFaultShares, simulateFieldwork } from "../../src/simulate/simulateFieldwork.ts";
import { createJieba } from "../../src/text/createJieba.ts";
import { asReadFromStore } from "./asReadFromStore.ts";

async function main(): Promise<void> {
  const language = process.argv[2] ?? "en";
  const study = await readStudyFolder("examples/china-lac");
  const quality = await readQualityConfig(study.directory);
  const simulation = simulateFieldwork(study, {
    seed: 1,
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 2,
    exact: true,
  });
  const weighting = await readWeighting(study.directory);
  const codebooks = await readOpenCodebooks(study);
  const jieba = createJieba();
  const responses = asReadFromStore(simulation.responses);
  for (let round = 1; round <= 2; round++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const model = buildReportModel({
      study,
      responses,
      quality,
      weighting,
      codebooks,
      jieba,
      generatedAt: new Date().toISOString(),
    });
    const modelMs = performance.now() - started;
    const html = await renderReportHtml(study, model, { language });
    const totalMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const valid = model.methodology.populations.reduce((sum, population) => sum + population.valid, 0);
    process.stdout.write(
      `round ${round}: ${responses.length} stored, ${valid} valid; model ${Math.round(modelMs)} ms, model+HTML ${Math.round(totalMs)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU, ${(html.length / 1e6).toFixed(1)} MB\n`,
    );
  }
}

await main();
