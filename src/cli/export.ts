import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { exportCsv } from "../report/export/exportCsv.ts";
import { exportXlsx } from "../report/export/exportXlsx.ts";
import { exportSav } from "../report/export/sav/exportSav.ts";
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
    .option("--format <format>", "csv, xlsx or sav (SPSS)", "csv")
    .addOption(dbOption())
    .option("--lang <language>", "language of labels and codebook (default: the study's first)")
    .option("--out <file>", "file to write; a CSV's codebook goes beside it (default: <study>.<format>)")
    .action(async (options: ExportOptions) => runExport(options));
}

const formats = ["csv", "xlsx", "sav"];

async function runExport(options: ExportOptions): Promise<void> {
  if (!formats.includes(options.format)) {
    throw new ParallaxError("USAGE", `Unknown export format "${options.format}"`, [
      { path: "--format", message: `must be one of ${formats.join(", ")}` },
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
    const out = options.out ?? `${study.id}.${options.format}`;
    if (options.format === "xlsx") {
      await writeFile(out, await exportXlsx(study, questionnaires, responses, language));
      process.stderr.write(`Wrote ${responses.length} responses and the codebook sheet to ${out}\n`);
    } else if (options.format === "sav") {
      const result = exportSav(study, questionnaires, responses, language);
      await writeFile(out, result.bytes);
      for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stderr.write(`Wrote ${responses.length} responses to ${out}\n`);
    } else {
      const result = exportCsv(study, questionnaires, responses, language);
      const codebookFile = out.replace(/(\.csv)?$/i, ".codebook.csv");
      await writeFile(out, result.data);
      await writeFile(codebookFile, result.codebook);
      process.stderr.write(
        `Wrote ${responses.length} responses to ${out} and the codebook to ${codebookFile}\n`,
      );
    }
  } finally {
    await store.close();
  }
}
