import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { screenStoredStudy } from "../fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import {
  type FlagDecisions,
  type QualityConfig,
  runScreen,
  type ScreenResult,
  type ScreenSummary,
  summarizeScreen,
} from "../quality/index.ts";
import { auditRepository } from "../store/auditRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { localize } from "../study/localize.ts";
import type { LoadedStudy } from "../study/types.ts";
import { csvField, readResponsesJsonl } from "./qualityFiles.ts";

interface QualityOptions {
  study: string;
  responses?: string;
  db?: string;
  out: string;
  lang: string;
}

export function registerQualityCommand(program: Command): void {
  program
    .command("quality")
    .description("screen responses: rules and interviewer checks, a summary, and flags.csv with reasons")
    .requiredOption("--study <dir>", "study folder (its quality.json, if any, configures the rules)")
    .option("--responses <file>", "responses.jsonl, as `parallax simulate` writes it")
    .option("--db <file-or-url>", "read the study's stored responses from this database instead")
    .option("--out <file>", "flags file: id,rule,severity,reason", "flags.csv")
    .option("--lang <language>", "language of the reasons", "en")
    .action(async (options: QualityOptions) => runQuality(options));
}

async function runQuality(options: QualityOptions): Promise<void> {
  if (Boolean(options.responses) === Boolean(options.db))
    throw new ParallaxError("USAGE", "Give the responses to screen", [
      { path: "--responses", message: "give --responses or --db, not both" },
    ]);
  const study = await readStudyFolder(options.study);
  if (!study.definition.languages.includes(options.lang))
    throw new ParallaxError("USAGE", `The study is not published in "${options.lang}"`, [
      { path: "--lang", message: `must be one of ${study.definition.languages.join(", ")}` },
    ]);
  const config = await readQualityConfig(study.directory);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { responses, result, decisions } = options.responses
    ? await screenFile(study, options.responses, config)
    : await screenDatabase(options.db as string, study, config);
  const cpu = process.cpuUsage(cpuBefore);
  const milliseconds = performance.now() - started;
  const summary = summarizeScreen(study.definition, responses, result.flags, decisions);
  process.stdout.write(renderSummary(summary, result));
  await writeFile(options.out, flagsCsv(result, options.lang));
  process.stderr.write(
    `Screened ${responses.length} responses in ${Math.round(milliseconds)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU); wrote ${result.flags.length} flags to ${options.out}\n`,
  );
}

async function screenFile(study: LoadedStudy, path: string, config: QualityConfig) {
  const responses = await readResponsesJsonl(path);
  return { responses, result: runScreen(study, responses, config), decisions: new Map() as FlagDecisions };
}

/** From a database the flags are kept there too, so reviewers can decide on them and analyses use them. */
async function screenDatabase(url: string, study: LoadedStudy, config: QualityConfig) {
  const store = await openDatabase(url);
  try {
    const screen = await screenStoredStudy(store.db, study, config);
    await auditRepository(store).append({
      actor: "cli",
      action: "quality_screen",
      target: study.definition.id,
      details: {
        responses: screen.responses.length,
        flags: screen.result.flags.length,
        valid: screen.valid.length,
      },
      source: "cli",
    });
    return screen;
  } finally {
    await store.close();
  }
}

function flagsCsv(result: ScreenResult, language: string): string {
  const rows = result.flags.map((flag) =>
    [flag.id, flag.rule, flag.severity, localize(flag.reason, language) ?? ""].map(csvField).join(","),
  );
  return `id,rule,severity,reason\n${rows.map((row) => `${row}\n`).join("")}`;
}

function renderSummary(summary: ScreenSummary, result: ScreenResult): string {
  const lines: string[] = [];
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  lines.push(
    `Responses: ${summary.responses}   valid: ${summary.valid}`,
    "",
    "rule             flagged   share",
  );
  for (const rule of summary.rules)
    lines.push(
      `${rule.rule.padEnd(16)} ${String(rule.flagged).padStart(7)}  ${percent(rule.share).padStart(6)}`,
    );
  lines.push("", "population  site          responses   valid  target");
  for (const site of summary.sites)
    lines.push(
      `${site.population.padEnd(11)} ${site.site.padEnd(12)} ${String(site.responses).padStart(10)} ${String(site.valid).padStart(7)} ${String(site.target ?? "").padStart(7)}`,
    );
  const flagged = result.interviewers.filter((verdict) => verdict.flagged);
  lines.push("", `Interviewers judged: ${result.interviewers.length}   flagged: ${flagged.length}`);
  for (const verdict of flagged)
    lines.push(
      `  ${verdict.interviewer} (${verdict.interviews} interviews, distance ${verdict.distance} > ${verdict.threshold}): ${verdict.drivers.join(", ")}`,
    );
  return `${lines.join("\n")}\n`;
}
