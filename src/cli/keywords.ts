import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import * as vega from "vega";
import * as vl from "vega-lite";
import { ParallaxError } from "../errors.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { keywordRankingChartSpec } from "../report/charts/keywordRankingChart.ts";
import {
  type CodeRanking,
  type DistinctiveTerm,
  groupDistinctiveTerms,
  rankCodes,
  type TermAnswer,
} from "../report/keywordResults.ts";
import { openAnswerShares } from "../report/openAnswerShares.ts";
import { codedMentionRepository } from "../store/codedMentionRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { localize } from "../study/localize.ts";
import type { LoadedStudy } from "../study/types.ts";
import { walkQuestions } from "../study/walkQuestions.ts";
import { answerTerms } from "../text/answerTerms.ts";
import { type Codebook, NONE_CODE, OTHER_CODE } from "../text/codebookTypes.ts";
import { createCoder } from "../text/createCoder.ts";
import { createJieba } from "../text/createJieba.ts";
import { createTokenizers } from "../text/createTokenizers.ts";
import { detectLanguage } from "../text/detectLanguage.ts";
import type { TextLanguage } from "../text/language.ts";
import { resolveLanguage } from "../text/resolveLanguage.ts";
import { locateCodebook, populationsAsking, readCodebook } from "./codebookFile.ts";
import { dbOption } from "./dbOption.ts";
import {
  answerText,
  checkLabelLanguage,
  shareLines,
  storedValidDesign,
  weightingNote,
} from "./storedOpenAnswers.ts";

interface KeywordsOptions {
  study: string;
  question: string;
  db: string;
  population?: string;
  lang: string;
  out?: string;
  json?: boolean;
  terms: string;
}

/** Adds `parallax keywords`: the keyword ranking of an open question from the stored valid responses. */
export function registerKeywordsCommand(program: Command): void {
  program
    .command("keywords")
    .description(
      "rank the codes of an open question by the share of respondents mentioning them, per population, with distinctive terms and a chart",
    )
    .requiredOption("--study <dir>", "study folder")
    .requiredOption("--question <name>", "the open question's name")
    .addOption(dbOption())
    .option("--population <id>", "only this population (default: every population asking the question)")
    .option("--lang <language>", "language of the labels and the chart", "en")
    .option("--out <file>", "write the keyword ranking chart as SVG")
    .option("--terms <n>", "distinctive terms per group", "10")
    .option("--json", "print the results as JSON")
    .action(async (options: KeywordsOptions) => runKeywords(options));
}

async function runKeywords(options: KeywordsOptions): Promise<void> {
  const termLimit = Number(options.terms);
  if (!Number.isInteger(termLimit) || termLimit < 1) {
    throw new ParallaxError("USAGE", "--terms must be a whole number above 0", [
      { path: "--terms", message: `is ${options.terms}` },
    ]);
  }
  const targets = await codebooksOf(options);
  const study = targets[0].study;
  checkLabelLanguage(study, options.lang);
  const store = await openDatabase(options.db);
  try {
    const prepared = await storedValidDesign(store.db, study);
    const populations = targets.map((target) => target.population);
    const stored = await codedMentionRepository(store.db).list(
      study.definition.id,
      options.question,
      populations,
    );
    const jieba = createJieba();
    // Terms are read with the plain stop-word lists: a coder keeps the function words its phrases name
    // ("ruta de la seda"), which would otherwise rank "de" and "la" among the distinctive terms.
    const termTokenizers = createTokenizers({ jieba });
    const rankings: CodeRanking[] = [];
    const termAnswers: TermAnswer[] = [];
    let codedNow = 0;
    const groupBySite = populations.length === 1;
    const site = prepared.design.frame.columns.get("site");
    for (const target of targets) {
      const coder = createCoder(target.codebook, { jieba, languages: target.languages });
      const coded = prepared.rows.map((row, index) => {
        const text = row.population === target.population ? answerText(row, options.question) : "";
        if (text.trim() === "") return { codes: [] as readonly string[] };
        const language =
          resolveLanguage(row.language) ?? detectLanguage(text, { candidates: coder.languages })[0] ?? "en";
        const siteLevel = site?.kind === "categorical" ? site.levels[site.codes[index]] : undefined;
        termAnswers.push({
          group: groupBySite
            ? (siteLevel ?? `${row.population}/?`).slice(row.population.length + 1)
            : row.population,
          weight: prepared.design.weights[index],
          terms: answerTerms(termTokenizers[language].tokens(text)),
        });
        const kept = stored.get(row.id);
        if (kept) return kept;
        codedNow++;
        return coder.code({ text, language: row.language });
      });
      const [shares] = openAnswerShares({
        design: prepared.design,
        codebook: target.codebook,
        coded,
        populations: [target.population],
        weightedPopulations: prepared.weightedPopulations,
      });
      rankings.push(rankCodes(shares));
    }
    if (codedNow > 0) {
      process.stderr.write(
        `${codedNow} answers had no stored coding and were coded now; run \`parallax code --db\` to keep their coded mentions.\n`,
      );
    }
    const terms = groupDistinctiveTerms(termAnswers, termLimit);
    if (options.out) {
      await writeFile(options.out, await chartSvg(study, rankings, options));
      process.stderr.write(`Wrote the keyword ranking chart to ${options.out}\n`);
    }
    const grouping = groupBySite ? "site" : "population";
    if (options.json) {
      const result = {
        question: options.question,
        language: options.lang,
        populations: rankings.map((ranking) => ({
          ...ranking,
          weighting: weightingNote(rankingShares(ranking)),
        })),
        distinctiveTerms: { by: grouping, groups: terms },
      };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else process.stdout.write(rankingText(study, rankings, terms, grouping, options.lang));
  } finally {
    await store.close();
  }
}

interface Target {
  study: LoadedStudy;
  population: string;
  codebook: Codebook;
  languages: TextLanguage[];
}

/** The codebook of each population asking the question (or of the one named). */
async function codebooksOf(options: KeywordsOptions): Promise<Target[]> {
  const study = await readStudyFolder(options.study);
  const populations = options.population ? [options.population] : populationsAsking(study, options.question);
  // No population asks it: locating names the error.
  if (populations.length === 0) await locateCodebook(options);
  const targets: Target[] = [];
  for (const population of populations) {
    const located = await locateCodebook({ ...options, population });
    const codebook = await readCodebook(located);
    targets.push({ study: located.study, population, codebook, languages: located.languages });
  }
  return targets;
}

function rankingShares(ranking: CodeRanking) {
  return { ...ranking, shares: [...ranking.codes, ...ranking.nets], sites: [] };
}

async function chartSvg(
  study: LoadedStudy,
  rankings: CodeRanking[],
  options: KeywordsOptions,
): Promise<string> {
  const panels = rankings.map((ranking) => {
    const population = study.definition.populations.find((candidate) => candidate.id === ranking.population);
    const question = walkQuestions(study.questionnaires[ranking.population].json).find(
      (candidate) => candidate.name === options.question,
    );
    return {
      title: localize(population?.name, options.lang) ?? ranking.population,
      subtitle: localize(question?.title, options.lang),
      bars: ranking.codes
        .filter((row) => row.code !== OTHER_CODE && row.code !== NONE_CODE && row.estimate > 0)
        .map((row) => ({
          label: row.label[options.lang] ?? row.code,
          estimate: row.estimate,
          low: row.ci?.[0] ?? row.estimate,
          high: row.ci?.[1] ?? row.estimate,
        })),
    };
  });
  const title = localize(study.definition.title, options.lang) ?? study.definition.id;
  const spec = keywordRankingChartSpec({ title, panels });
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function rankingText(
  study: LoadedStudy,
  rankings: CodeRanking[],
  terms: Record<string, DistinctiveTerm[]>,
  grouping: string,
  language: string,
): string {
  const lines = ["Codes ranked by the share of respondents mentioning them, with 95% intervals:"];
  for (const ranking of rankings) {
    const population = study.definition.populations.find((candidate) => candidate.id === ranking.population);
    const name = localize(population?.name, language) ?? ranking.population;
    lines.push(
      "",
      `${name} (${ranking.population}): ${ranking.answered} answers, ${weightingNote(rankingShares(ranking))}`,
    );
    lines.push(...shareLines(ranking.codes, language, "  "), ...shareLines(ranking.nets, language, "  "));
  }
  lines.push(
    "",
    `Distinctive terms by ${grouping} (weighted log-odds, informative Dirichlet prior; z above 1.96 is distinctive at 5%):`,
  );
  for (const [group, list] of Object.entries(terms)) {
    const shown = list.map((term) => `${term.term} (z ${term.z.toFixed(1)})`).join(", ");
    lines.push(`  ${group}: ${shown || "none"}`);
  }
  return `${lines.join("\n")}\n`;
}
