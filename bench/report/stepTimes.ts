import { parseArgs } from "node:util";
import { readOpenCodebooks } from "../../src/cli/reportFiles.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { readWeighting } from "../../src/files/readWeighting.ts";
import { checkInterviewers } from "../../src/quality/interviewers/checkInterviewers.ts";
import { attentionRule } from "../../src/quality/rules/attentionRule.ts";
import { duplicateRule } from "../../src/quality/rules/duplicateRule.ts";
import { gibberishRule } from "../../src/quality/rules/gibberishRule.ts";
import { incompleteRule } from "../../src/quality/rules/incompleteRule.ts";
import { inconsistentRule } from "../../src/quality/rules/inconsistentRule.ts";
import { ineligibleRule } from "../../src/quality/rules/ineligibleRule.ts";
import { nearDuplicateRule } from "../../src/quality/rules/nearDuplicateRule.ts";
import { speederRule } from "../../src/quality/rules/speederRule.ts";
import { straightlinerRule } from "../../src/quality/rules/straightlinerRule.ts";
import { runScreen, validResponses } from "../../src/quality/screenResponses.ts";
import { summarizeScreen } from "../../src/quality/summarizeScreen.ts";
import type { ScreenedResponse } from "../../src/quality/types.ts";
import { memoisedCoders, reportModelFromData } from "../../src/report/model/buildReportModel.ts";
import { buildReportData } from "../../src/report/model/reportData.ts";
import { weightingQuestions } from "../../src/report/weighting/weightReportData.ts";
import { createJieba } from "../../src/text/createJieba.ts";
import { asReadFromStore } from "./asReadFromStore.ts";
import { cachedScaledFieldwork } from "./scaledFieldwork.ts";
import { screenSubsets } from "./screenSubsets.ts";
import { median } from "./timeReport.ts";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "3" },
    copies: { type: "string", default: "5" },
    runs: { type: "string", default: "3" },
    cache: { type: "string" },
    only: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const cacheFile = args.cache ?? `/tmp/parallax-responses-${args.base}x${args.copies}.bin`;

const study = await readStudyFolder("examples/china-lac");
const quality = await readQualityConfig(study.directory);
const weighting = await readWeighting(study.directory);
const codebooks = await readOpenCodebooks(study);
const jieba = createJieba();

let responses: ScreenedResponse[] = cachedScaledFieldwork(study, quality, {
  base: Number(args.base),
  copies: Number(args.copies),
  cacheFile,
});

// As read from the store: answers parsed from JSON text rather than built by the simulator.
if (args.json) responses = asReadFromStore(responses);

const cpuMs = (step: () => unknown) => {
  const start = process.cpuUsage();
  step();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const { context, known, eligible, completed } = screenSubsets(study, quality, responses);
const screen = runScreen(study, responses, quality);
const valid = validResponses(responses, screen.flags);
const summary = summarizeScreen(study.definition, responses, screen.flags);
const steps: Array<[string, () => unknown]> = [
  ["screen (all)", () => runScreen(study, responses, quality)],
  ["ineligible", () => ineligibleRule(known, context)],
  ["incomplete", () => incompleteRule(eligible, context)],
  ["nearDuplicate", () => nearDuplicateRule(completed, context)],
  ["duplicate", () => duplicateRule(eligible, context)],
  ["interviewers", () => checkInterviewers(eligible, context)],
  ["speeder", () => speederRule(completed, context)],
  ["straightliner", () => straightlinerRule(eligible, context)],
  ["attention", () => attentionRule(eligible, context)],
  ["gibberish", () => gibberishRule(eligible, context)],
  ["inconsistent", () => inconsistentRule(eligible, context)],
  [
    "code (buildReportData)",
    () =>
      buildReportData(study, valid, codebooks, memoisedCoders(study, jieba), weightingQuestions(weighting)),
  ],
  [
    "weight + estimate",
    () => {
      const data = buildReportData(
        study,
        valid,
        codebooks,
        memoisedCoders(study, jieba),
        weightingQuestions(weighting),
      );
      const start = process.cpuUsage();
      reportModelFromData(study, data, weighting, {
        stored: responses,
        valid,
        screen: summary,
        generatedAt: "",
      });
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    },
  ],
];
process.stdout.write(`${responses.length} stored, ${valid.length} valid; CPU ms, median of ${args.runs}\n`);
for (const [name, step] of steps) {
  if (args.only !== undefined && !name.startsWith(args.only)) continue;
  const times: number[] = [];
  for (let run = 0; run < Number(args.runs); run++) {
    if (name === "weight + estimate") times.push(step() as number);
    else times.push(cpuMs(step));
  }
  const ms = median(times);
  process.stdout.write(
    `${name.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms ${((ms * 1000) / responses.length).toFixed(1).padStart(6)} µs/stored\n`,
  );
}
