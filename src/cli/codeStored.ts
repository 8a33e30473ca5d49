import { ParallaxError } from "../errors.ts";
import { openAnswerShares, type PopulationCodeShares } from "../report/openAnswerShares.ts";
import { type CodedResponse, codedMentionRepository } from "../store/codedMentionRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { type CodedAnswer, createCoder } from "../text/createCoder.ts";
import { createJieba } from "../text/createJieba.ts";
import { locateCodebook, readCodebook } from "./codebookFile.ts";
import { type CodingSummary, codingSummary, codingSummaryText } from "./codingSummary.ts";
import {
  answerText,
  checkLabelLanguage,
  shareLines,
  storedValidDesign,
  weightingNote,
} from "./storedOpenAnswers.ts";

export interface CodeStoredOptions {
  study: string;
  question: string;
  population?: string;
  db: string;
  lang: string;
  json?: boolean;
}

const BLANK = { codes: [] as string[] };

/**
 * `parallax code --db`: codes the question's answers among the stored valid responses, replaces the
 * question's coded mentions with them, and reports the share of respondents mentioning each code per
 * population and site.
 */
export async function codeStoredAnswers(options: CodeStoredOptions): Promise<void> {
  const located = await locateCodebook(options);
  const codebook = await readCodebook(located);
  const { study } = located;
  checkLabelLanguage(study, options.lang);
  const store = await openDatabase(options.db);
  try {
    const prepared = await storedValidDesign(store.db, study);
    const coder = createCoder(codebook, { jieba: createJieba(), languages: located.languages });
    const started = performance.now();
    const texts: string[] = [];
    const results: CodedAnswer[] = [];
    const mentions: CodedResponse[] = [];
    const coded = prepared.rows.map((row) => {
      if (!located.populations.includes(row.population)) return BLANK;
      const text = answerText(row, options.question);
      const result = coder.code({ text, language: row.language });
      texts.push(text);
      results.push(result);
      mentions.push({ responseId: row.id, populationId: row.population, codes: result.codes });
      return result;
    });
    const seconds = (performance.now() - started) / 1000;
    if (texts.length === 0) {
      throw new ParallaxError(
        "NOT_FOUND",
        `No valid response of ${located.populations.join(", ")} is stored`,
        [
          {
            path: "--db",
            message: `${store.location} holds no valid response of study ${study.definition.id}`,
          },
        ],
      );
    }
    const kept = await codedMentionRepository(store.db).replace(
      study.definition.id,
      options.question,
      located.populations,
      mentions,
    );
    const summary = codingSummary(coder, texts, results);
    const shares = openAnswerShares({
      design: prepared.design,
      codebook,
      coded,
      populations: located.populations,
      weightedPopulations: prepared.weightedPopulations,
    });
    const run = { seconds, kept, responses: mentions.length, location: store.location };
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify(jsonResult(options, located.file, summary, shares, run), null, 2)}\n`,
      );
    } else {
      process.stdout.write(sharesText(shares, options.lang));
    }
    process.stderr.write(codingSummaryText(summary, located.file, undefined));
    process.stderr.write(
      `Kept ${kept} coded mentions of ${mentions.length} valid responses in ${store.location} (coded ${Math.round(mentions.length / Math.max(seconds, 1e-6))} answers a second).\n`,
    );
  } finally {
    await store.close();
  }
}

function jsonResult(
  options: CodeStoredOptions,
  file: string,
  summary: CodingSummary,
  shares: PopulationCodeShares[],
  run: { seconds: number; kept: number; responses: number },
) {
  return {
    question: options.question,
    codebook: file,
    responses: run.responses,
    answers: summary.answers,
    blank: summary.blank,
    uncoded: summary.uncoded,
    uncodedShare: summary.uncodedShare,
    detected: summary.detected,
    mentionsKept: run.kept,
    codingSeconds: run.seconds,
    suggestions: summary.suggestions,
    populations: shares.map((population) => ({ ...population, weighting: weightingNote(population) })),
  };
}

function sharesText(shares: PopulationCodeShares[], language: string): string {
  const lines = ["Share of respondents mentioning each code, with 95% intervals (blank answers left out):"];
  for (const population of shares) {
    lines.push("", `${population.population}: ${population.answered} answers, ${weightingNote(population)}`);
    lines.push(...shareLines(population.shares, language, "  "));
    for (const site of population.sites) {
      lines.push(`  ${population.population} / ${site.site}: ${site.answered} answers`);
      lines.push(
        ...shareLines(
          site.shares.filter((row) => row.estimate > 0),
          language,
          "    ",
        ),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
