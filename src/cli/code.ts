import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { csvText } from "../report/export/csvText.ts";
import { type CodedAnswer, createCoder } from "../text/createCoder.ts";
import { createJieba } from "../text/createJieba.ts";
import { type Suggestion, suggestCodes, type UncodedAnswer } from "../text/suggestCodes.ts";
import { locateCodebook, readCodebook } from "./codebookFile.ts";
import { readAnswersCsv } from "./readAnswersCsv.ts";

interface CodeOptions {
  study: string;
  question: string;
  population?: string;
  data: string;
  out?: string;
}

/** Adds `parallax code`: codes open answers from a CSV file with the question's codebook. */
export function registerCodeCommand(program: Command): void {
  program
    .command("code")
    .description("code open-ended answers (id,language,text) with the question's codebook")
    .requiredOption("--study <dir>", "study folder")
    .requiredOption("--question <name>", "the open question's name")
    .option("--population <id>", "needed where several populations ask the question with different codebooks")
    .requiredOption("--data <file>", "answers.csv with columns id,language,text (language may be empty)")
    .option("--out <file>", "coded.csv to write (id,codes); default: standard output")
    .action(async (options: CodeOptions) => runCode(options));
}

async function runCode(options: CodeOptions): Promise<void> {
  const located = await locateCodebook(options);
  const codebook = await readCodebook(located);
  const answers = await readAnswersCsv(options.data);
  const coder = createCoder(codebook, { jieba: createJieba(), languages: located.languages });
  const uncoded: UncodedAnswer[] = [];
  const results: CodedAnswer[] = answers.map((answer) => {
    const coded = coder.code(answer);
    if (coded.uncoded && coded.language !== null) {
      uncoded.push({
        text: answer.text,
        language: coded.language,
        tokens: coder.tokenizers[coded.language].tokens(answer.text),
      });
    }
    return coded;
  });
  const output = csvText(
    ["id", "codes"],
    answers.map((answer, index) => [answer.id, results[index].codes.join(";")]),
  );
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
  process.stderr.write(summary(located.file, results, suggestCodes(uncoded), options.out));
}

function summary(
  file: string,
  results: CodedAnswer[],
  suggestions: Suggestion[],
  out: string | undefined,
): string {
  const answered = results.filter((result) => result.language !== null);
  const uncoded = answered.filter((result) => result.uncoded).length;
  const detected = answered.filter((result) => result.detected).length;
  const share = answered.length === 0 ? 0 : (100 * uncoded) / answered.length;
  const lines = [
    `Coded ${answered.length} answers with ${file} (${results.length - answered.length} blank, ${detected} with the language detected)${out ? ` into ${out}` : ""}.`,
    `Uncoded (other): ${uncoded} of ${answered.length} answers, ${share.toFixed(1)}%.`,
  ];
  if (suggestions.length > 0) {
    lines.push("Frequent words and phrases in uncoded answers (candidate codes):");
    for (const suggestion of suggestions) {
      const examples = suggestion.examples.map((example) => JSON.stringify(example)).join(", ");
      lines.push(
        `  [${suggestion.language}] ${suggestion.term} — ${suggestion.answers} answers, e.g. ${examples}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
