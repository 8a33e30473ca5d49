/**
 * A digest (SHA-256) of the screen's result and the full-precision report model for a seeded fieldwork,
 * computed with the source tree given: run it on a copy of the tree before a speed-up and on the tree
 * after, and equal digests show the speed-up changed no flag and no bit of any estimate. Scale 0 is the
 * demo fieldwork (seed 1, exact); scale k is the benchmark's base at k times the article's counts (seed 2).
 * Run: npx tsx bench/report/modelDigest.ts <repository root> [scale] [output JSON file]
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";

const root = process.argv[2];
const scale = Number(process.argv[3] ?? "0");
const out = process.argv[4] ?? "";
const imp = (p: string) => import(`${root}/src/${p}`);
const { readOpenCodebooks } = await imp("cli/reportFiles.ts");
const { readQualityConfig } = await imp("files/readQualityConfig.ts");
const { readStudyFolder } = await imp("files/readStudyFolder.ts");
const { readWeighting } = await imp("files/readWeighting.ts");
const { articleValidResponses } = await imp("simulate/articleFindings.ts");
const { defaultFaultShares, simulateFieldwork } = await imp("simulate/simulateFieldwork.ts");
const { createJieba } = await imp("text/createJieba.ts");
const { buildReportModel } = await imp("report/model/buildReportModel.ts");
const { runScreen } = await imp("quality/screenResponses.ts");
const study = await readStudyFolder("/work/main/examples/china-lac");
const quality = await readQualityConfig(study.directory);
const weighting = await readWeighting(study.directory);
const codebooks = await readOpenCodebooks(study);
const jieba = createJieba();
const sim =
  scale === 0
    ? simulateFieldwork(study, {
        seed: 1,
        quality,
        faults: defaultFaultShares,
        fabricatingInterviewers: 2,
        exact: true,
      })
    : simulateFieldwork(study, {
        seed: 2,
        n: Object.fromEntries(
          Object.entries(articleValidResponses).map(([id, c]) => [id, (c as number) * scale]),
        ),
        quality,
        faults: defaultFaultShares,
        fabricatingInterviewers: 2 * scale,
      });
const screen = runScreen(study, sim.responses, quality);
const model = buildReportModel({
  study,
  responses: sim.responses,
  quality,
  weighting,
  codebooks,
  jieba,
  generatedAt: "x",
});
const text = JSON.stringify({ screen, model }, (_k, v) =>
  typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
);
if (out !== "") writeFileSync(out, text);
console.log(sim.responses.length, createHash("sha256").update(text).digest("hex"));
