import { writeFile } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { loadAndScreen } from "../fieldwork/loadAndScreen.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import { readWeighting } from "../files/readWeighting.ts";
import { defaultQualityConfig } from "../quality/qualityConfig.ts";
import { renderReportHtml } from "../report/html/reportHtml.ts";
import { reportLanguages } from "../report/messages/index.ts";
import { buildReportModel } from "../report/model/buildReportModel.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { qualityRepository } from "../store/qualityRepository.ts";
import { questionnaireRepository } from "../store/questionnaireRepository.ts";
import { responseRepository } from "../store/responseRepository.ts";
import { studyRepository } from "../store/studyRepository.ts";
import { questionnaireVersion } from "../study/questionnaireVersion.ts";
import type { LoadedStudy } from "../study/types.ts";
import { createJieba } from "../text/createJieba.ts";
import { dbOption } from "./dbOption.ts";
import { readOpenCodebooks, readStudyIfFolder } from "./reportFiles.ts";

interface ReportOptions {
  study: string;
  db: string;
  lang: string;
  format: string;
  out?: string;
  oneThread?: boolean;
}

const pageLabel: Record<string, string> = { "zh-cn": "第", es: "Página", pt: "Página", en: "Page" };

/** Adds `parallax report`: the comparative report of a study's valid responses, as HTML or PDF. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("write the comparative report (HTML or PDF) from a study's stored responses")
    .requiredOption("--study <dir-or-id>", "study folder, or the id of a study in the database")
    .addOption(dbOption())
    .option("--lang <language>", `report language: ${reportLanguages.join(", ")}`, "en")
    .option("--format <format>", "html or pdf", "html")
    .option("--out <file>", "file to write (default: <study>-<lang>.<format>)")
    .option(
      "--one-thread",
      "read and screen the responses on one thread (slower on a large study, less memory)",
    )
    .action(async (options: ReportOptions) => runReport(options));
}

async function runReport(options: ReportOptions): Promise<void> {
  if (!(reportLanguages as readonly string[]).includes(options.lang))
    throw new ParallaxError("USAGE", `No report texts in "${options.lang}"`, [
      { path: "--lang", message: `must be one of ${reportLanguages.join(", ")}` },
    ]);
  if (options.format !== "html" && options.format !== "pdf")
    throw new ParallaxError("USAGE", `Unknown report format "${options.format}"`, [
      { path: "--format", message: "must be html or pdf" },
    ]);
  const bar = new SingleBar(
    { format: "report [{bar}] {percentage}% {step}", stream: process.stderr, hideCursor: true },
    undefined,
  );
  const loading = new SingleBar(
    { format: "loading [{bar}] {value}/{total} responses", stream: process.stderr, hideCursor: true },
    undefined,
  );
  const store = await openDatabase(options.db);
  try {
    const study =
      (await readStudyIfFolder(options.study)) ??
      (await studyFromDatabase(store.db, options.study, store.location));
    const repository = responseRepository(store.db);
    const storedByPopulation = await repository.countByPopulation(study.definition.id);
    const storedCount = [...storedByPopulation.values()].reduce((sum, count) => sum + count, 0);
    if (storedCount === 0)
      throw new ParallaxError(
        "NOT_FOUND",
        `The database has no responses for study "${study.definition.id}"`,
        [
          {
            path: store.location,
            message: "run the fieldwork (or `parallax simulate`) first; there is nothing to report",
          },
        ],
      );
    // Read a page at a time and kept only as the screen reads them: no second copy of a million responses.
    loading.start(storedCount, 0);
    const quality = study.directory ? await readQualityConfig(study.directory) : defaultQualityConfig;
    const steps = 4 + study.definition.concepts.length * 2;
    const { responses, flags } = await loadAndScreen(store, {
      dbUrl: options.db,
      study,
      quality,
      onRead: (count) => loading.update(count),
      storedByPopulation,
      minimumForSecondThread: options.oneThread ? Number.POSITIVE_INFINITY : undefined,
      onScreening: () => {
        loading.stop();
        bar.start(steps, 0, { step: "screening" });
      },
    });
    const weighting = study.directory ? await readWeighting(study.directory) : null;
    if (!weighting) process.stderr.write("No weighting.json: the report's figures are unweighted.\n");
    let done = 0;
    const model = buildReportModel({
      study,
      responses,
      flags,
      quality,
      decisions: await qualityRepository(store.db).decisions(study.definition.id),
      weighting,
      codebooks: await readOpenCodebooks(study),
      jieba: createJieba(),
      generatedAt: new Date().toISOString(),
      onProgress: (step) => bar.update(++done, { step }),
    });
    const valid = model.methodology.populations.reduce((sum, population) => sum + population.valid, 0);
    if (valid === 0)
      throw new ParallaxError("NOT_FOUND", `No valid responses for study "${study.definition.id}"`, [
        {
          path: store.location,
          message: `${responses.length} responses stored, none passed the quality screen`,
        },
      ]);
    const html = await renderReportHtml(study, model, {
      language: options.lang,
      onProgress: () => bar.update(++done, { step: "charts" }),
    });
    bar.update(steps, { step: "done" });
    bar.stop();
    const out = options.out ?? `${study.definition.id}-${options.lang}.${options.format}`;
    if (options.format === "pdf") {
      // Loaded only for a PDF: Playwright's bundles take a tenth of a second or more to load.
      const { printPdf } = await import("../report/pdf/printPdf.ts");
      await writeFile(out, await printPdf(html, { pageLabel: pageLabel[options.lang] }));
    } else await writeFile(out, html);
    process.stderr.write(`Wrote the ${options.lang} report on ${valid} valid responses to ${out}\n`);
  } finally {
    loading.stop();
    bar.stop();
    await store.close();
  }
}

async function studyFromDatabase(
  db: Parameters<typeof studyRepository>[0],
  id: string,
  location: string,
): Promise<LoadedStudy> {
  const definition = await studyRepository(db).definition(id);
  if (!definition)
    throw new ParallaxError(
      "STUDY_NOT_FOUND",
      `"${id}" is neither a study folder nor a study in ${location}`,
      [{ path: "--study", message: "give a study folder or the id of a loaded study" }],
    );
  const questionnaires: LoadedStudy["questionnaires"] = {};
  for (const population of definition.populations) {
    const json = await questionnaireRepository(db).latest(id, population.id);
    if (json)
      questionnaires[population.id] = {
        population: population.id,
        file: population.questionnaire,
        json,
        version: questionnaireVersion(json),
      };
  }
  return { definition, directory: "", questionnaires };
}
