import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { formatRatesTable } from "../fieldwork/rates/formatRatesTable.ts";
import { type RatesGrouping, ratesReport } from "../fieldwork/rates/ratesReport.ts";
import { dispositionCounts } from "../store/dispositionCounts.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { studyRepository } from "../store/studyRepository.ts";
import { dbOption } from "./dbOption.ts";

interface RatesOptions {
  study: string;
  by: string;
  json?: boolean;
  e?: string;
  db: string;
}

const groupings: RatesGrouping[] = ["population", "site", "mode"];

export function registerRatesCommand(program: Command): void {
  program
    .command("rates")
    .description("AAPOR response, cooperation, refusal and contact rates from the stored final dispositions")
    .requiredOption("--study <id>", "study id")
    .option("--by <grouping>", "population, site or mode", "population")
    .option("--json", "print the report as JSON")
    .option("--e <proportion>", "share of unknown-eligibility cases taken as eligible (default: estimated)")
    .addOption(dbOption())
    .action(async (options: RatesOptions) => runRates(options));
}

async function runRates(options: RatesOptions): Promise<void> {
  const by = options.by as RatesGrouping;
  if (!groupings.includes(by)) {
    throw new ParallaxError("USAGE", `Cannot group rates by "${options.by}"`, [
      { path: "--by", message: `must be one of ${groupings.join(", ")}` },
    ]);
  }
  const e = options.e === undefined ? undefined : Number(options.e);
  if (e !== undefined && !(options.e?.trim() !== "" && e >= 0 && e <= 1)) {
    throw new ParallaxError("USAGE", "e is a proportion", [
      { path: "--e", message: `must be a number between 0 and 1, not "${options.e}"` },
    ]);
  }
  const store = await openDatabase(options.db);
  try {
    const study = await studyRepository(store.db).definition(options.study);
    if (!study) {
      throw new ParallaxError("STUDY_NOT_FOUND", `No study "${options.study}" in ${store.location}`, [
        { path: "--study", message: "no study with this id has been served from this database" },
      ]);
    }
    const { counts, unclassified } = await dispositionCounts(store.db, study.id);
    for (const entry of unclassified) {
      process.stderr.write(
        `warning: ${entry.count} ${entry.sample} case(s) of population ${entry.populationId} have the outcome ` +
          `"${entry.value}", which has no AAPOR disposition; they are left out of the rates\n`,
      );
    }
    const populations = study.populations.map((population) => ({
      id: population.id,
      sites: population.sites.map((site) => site.id),
    }));
    const report = ratesReport(study.id, counts, { by, e, populations });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatRatesTable(report));
  } finally {
    await store.close();
  }
}
