import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { exportCsv } from "../report/export/exportCsv.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { questionnaireRepository } from "../store/questionnaireRepository.ts";
import { responseRepository } from "../store/responseRepository.ts";
import { studyRepository } from "../store/studyRepository.ts";
import type { QuestionnaireJson } from "../study/types.ts";
import { dbOption } from "./dbOption.ts";

interface ExportOptions {
  study: string;
  format: string;
  db: string;
  lang?: string;
  out?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("export a study's stored responses with a codebook")
    .requiredOption("--study <id>", "study id")
    .option("--format <format>", "csv", "csv")
    .addOption(dbOption())
    .option("--lang <language>", "language of labels in the codebook (default: the study's first)")
    .option("--out <file>", "data file to write; the codebook goes beside it (default: <study>.csv)")
    .action(async (options: ExportOptions) => runExport(options));
}

async function runExport(options: ExportOptions): Promise<void> {
  if (options.format !== "csv") {
    throw new ParallaxError("USAGE", `Unknown export format "${options.format}"`, [
      { path: "--format", message: "must be csv" },
    ]);
  }
  const store = await openDatabase(options.db);
  try {
    const study = await studyRepository(store.db).definition(options.study);
    if (!study) {
      throw new ParallaxError("STUDY_NOT_FOUND", `No study "${options.study}" in ${store.location}`);
    }
    const language = options.lang ?? study.languages[0];
    if (!study.languages.includes(language)) {
      throw new ParallaxError("USAGE", `The study is not published in "${language}"`, [
        { path: "--lang", message: `must be one of ${study.languages.join(", ")}` },
      ]);
    }
    const questionnaires: Record<string, QuestionnaireJson> = {};
    for (const population of study.populations) {
      const json = await questionnaireRepository(store.db).latest(study.id, population.id);
      if (json) questionnaires[population.id] = json;
    }
    const responses = await responseRepository(store.db).list(study.id);
    const result = exportCsv(study, questionnaires, responses, language);
    const out = options.out ?? `${study.id}.csv`;
    const codebookFile = out.replace(/(\.csv)?$/i, ".codebook.csv");
    await writeFile(out, result.data);
    await writeFile(codebookFile, result.codebook);
    process.stderr.write(
      `Wrote ${responses.length} responses to ${out} and the codebook to ${codebookFile}\n`,
    );
  } finally {
    await store.close();
  }
}
