import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { csvText } from "../report/export/csvText.ts";
import { createCoder } from "../text/createCoder.ts";
import { createJieba } from "../text/createJieba.ts";
import { locateCodebook, readCodebook } from "./codebookFile.ts";
import { codingSummary, codingSummaryText } from "./codingSummary.ts";
import { readAnswersCsv } from "./readAnswersCsv.ts";

interface CodeOptions {
  study: string;
  question: string;
  population?: string;
  data?: string;
  db?: string;
  out?: string;
  lang?: string;
  json?: boolean;
}

/** Adds `parallax code`: codes open answers from a CSV file, or the stored valid responses, with the question's codebook. */
export function registerCodeCommand(program: Command): void {
  program
    .command("code")
    .description(
      "code open-ended answers (a CSV of id,language,text, or the stored valid responses) with the question's codebook",
    )
    .requiredOption("--study <dir>", "study folder")
    .requiredOption("--question <name>", "the open question's name")
    .option("--population <id>", "needed where several populations ask the question with different codebooks")
    .option("--data <file>", "answers.csv with columns id,language,text (language may be empty)")
    .option("--out <file>", "with --data: coded.csv to write (id,codes); default: standard output")
    .option(
      "--db <file-or-url>",
      "code the stored valid responses instead (SQLite file or postgres:// URL), keep their coded mentions and print the share of respondents mentioning each code",
    )
    .option("--lang <language>", "with --db: language of the code labels", "en")
    .option("--json", "with --db: print the results as JSON")
    .action(async (options: CodeOptions) => {
      if (Boolean(options.data) === Boolean(options.db)) {
        throw new ParallaxError("USAGE", "Give the answers to code", [
          { path: "--data", message: "give --data answers.csv or --db URL, not both" },
        ]);
      }
      if (options.db) {
        const { codeStoredAnswers } = await import("./codeStored.ts");
        await codeStoredAnswers({ ...options, db: options.db, lang: options.lang ?? "en" });
      } else await codeCsv(options, options.data as string);
    });
}

async function codeCsv(options: CodeOptions, data: string): Promise<void> {
  const located = await locateCodebook(options);
  const codebook = await readCodebook(located);
  const answers = await readAnswersCsv(data);
  const coder = createCoder(codebook, { jieba: createJieba(), languages: located.languages });
  const results = answers.map((answer) => coder.code(answer));
  const output = csvText(
    ["id", "codes"],
    answers.map((answer, index) => [answer.id, results[index].codes.join(";")]),
  );
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
  const summary = codingSummary(
    coder,
    answers.map((answer) => answer.text),
    results,
  );
  process.stderr.write(codingSummaryText(summary, located.file, options.out));
}
