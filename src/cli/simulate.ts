import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { loadSimulatedFieldwork } from "../fieldwork/loadSimulatedFieldwork.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { defaultFaultShares, type FaultShares, simulateFieldwork } from "../simulate/simulateFieldwork.ts";
import { faultNames, type Simulation } from "../simulate/types.ts";
import { openDatabase } from "../store/openDatabase.ts";
import type { LoadedStudy } from "../study/types.ts";
import { csvField } from "./qualityFiles.ts";

interface SimulateOptions {
  study: string;
  out?: string;
  seed: string;
  n?: string;
  faults?: string;
  fabricatingInterviewers: string;
  db?: string;
  raw?: boolean;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command("simulate")
    .description("simulate fieldwork with known faults: responses.jsonl and truth.csv, or a database")
    .requiredOption("--study <dir>", "study folder")
    .option("--out <dir>", "folder for responses.jsonl and truth.csv")
    .option("--seed <number>", "random seed: the same seed gives the same fieldwork", "1")
    .option("--n <counts>", "clean responses per population, e.g. china=2099,lac=3373")
    .option("--faults <shares>", "faulty responses added on top, e.g. speeder=0.05,duplicate=0.02")
    .option("--fabricating-interviewers <k>", "interviewers inventing all their interviews", "2")
    .option("--db <file-or-url>", "also load the study and responses into this database")
    .option("--raw", "keep the chance misses and false alarms instead of redrawing them")
    .action(async (options: SimulateOptions) => runSimulate(options));
}

async function runSimulate(options: SimulateOptions): Promise<void> {
  if (!options.out && !options.db)
    throw new ParallaxError("USAGE", "Say where the fieldwork goes", [
      { path: "--out", message: "give --out, --db or both" },
    ]);
  const study = await readStudyFolder(options.study);
  const quality = await readQualityConfig(study.directory);
  const seed = parseInteger(options.seed, "--seed");
  const started = performance.now();
  const simulation = simulateFieldwork(study, {
    seed,
    quality,
    n: options.n
      ? parseNumbers(
          options.n,
          "--n",
          study.definition.populations.map((p) => p.id),
          true,
        )
      : undefined,
    faults: options.faults
      ? (parseNumbers(options.faults, "--faults", [...faultNames], false) as FaultShares)
      : defaultFaultShares,
    fabricatingInterviewers: parseInteger(options.fabricatingInterviewers, "--fabricating-interviewers"),
    exact: !options.raw,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `Simulated ${simulation.responses.length} responses (${simulation.truth.size} with a fault) in ${seconds} s; ` +
      `screen agreement reached after ${simulation.redrawRounds} redraw round(s). SIMULATED DATA, not fieldwork.\n`,
  );
  if (options.out) await writeFiles(options.out, simulation);
  if (options.db) await loadDatabase(options.db, study, simulation);
}

async function writeFiles(directory: string, simulation: Simulation): Promise<void> {
  await mkdir(directory, { recursive: true });
  const lines = simulation.responses.map((response) => {
    const { id, language, mode, answers, paradata, questionnaireVersion, population, site, interviewer } =
      response;
    const line: Record<string, unknown> = {
      id,
      language,
      mode,
      questionnaireVersion,
      answers,
      paradata,
      population,
      site,
    };
    if (interviewer) line.interviewer = interviewer;
    return JSON.stringify(line);
  });
  await writeFile(join(directory, "responses.jsonl"), `${lines.join("\n")}\n`);
  const truth = simulation.responses.map(
    (response) => `${response.id},${csvField((simulation.truth.get(response.id) ?? []).join("|"))}`,
  );
  await writeFile(join(directory, "truth.csv"), `id,fault\n${truth.join("\n")}\n`);
  process.stderr.write(`Wrote ${join(directory, "responses.jsonl")} and ${join(directory, "truth.csv")}\n`);
}

async function loadDatabase(url: string, study: LoadedStudy, simulation: Simulation): Promise<void> {
  const store = await openDatabase(url);
  try {
    const inserted = await loadSimulatedFieldwork(store.db, study, simulation);
    process.stderr.write(
      `Loaded ${inserted} simulated responses of ${study.definition.id} into ${store.location}\n`,
    );
  } finally {
    await store.close();
  }
}

function parseInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new ParallaxError("USAGE", `${option} must be a whole number`, [
      { path: option, message: `got "${text}"` },
    ]);
  return value;
}

/** "a=1,b=0.5" → { a: 1, b: 0.5 }, each name among `names`. */
function parseNumbers(text: string, option: string, names: string[], whole: boolean): Record<string, number> {
  const result: Record<string, number> = {};
  for (const part of text.split(",").filter((item) => item.trim() !== "")) {
    const [name, raw] = part.split("=").map((item) => item.trim());
    const value = Number(raw);
    if (!names.includes(name))
      throw new ParallaxError("USAGE", `Unknown name in ${option}`, [
        { path: option, message: `"${name}" is not one of ${names.join(", ")}` },
      ]);
    if (!Number.isFinite(value) || value < 0 || (whole ? !Number.isInteger(value) : value > 1))
      throw new ParallaxError("USAGE", `Bad value in ${option}`, [
        {
          path: `${option} ${name}`,
          message: whole ? "must be a whole number" : "must be a share between 0 and 1",
        },
      ]);
    result[name] = value;
  }
  return result;
}
