import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnswersCsv } from "../src/cli/readAnswersCsv.ts";
import { createCoder } from "../src/text/createCoder.ts";
import { createJieba } from "../src/text/createJieba.ts";
import { parseCodebook } from "../src/text/parseCodebook.ts";

const root = join(import.meta.dirname, "..");

async function codebook(file: string) {
  return parseCodebook(await readFile(join(root, "examples/china-lac/codebooks", file), "utf8"), file);
}

/** Micro-averaged F1 over (answer, code) pairs. */
function microF1(pairs: Array<{ expected: string[]; actual: string[] }>): number {
  let truePositive = 0;
  let predicted = 0;
  let relevant = 0;
  for (const { expected, actual } of pairs) {
    truePositive += actual.filter((code) => expected.includes(code)).length;
    predicted += actual.length;
    relevant += expected.length;
  }
  return (2 * truePositive) / (predicted + relevant);
}

describe("the demo codebooks on hand-coded answers", () => {
  it("reach micro-F1 of at least 0.9 in every language, with language detection for half the answers", async () => {
    const jieba = createJieba();
    const coders = {
      china: createCoder(await codebook("china.keywords.json"), { jieba, languages: ["zh-cn", "en"] }),
      lac: createCoder(await codebook("lac.keywords.json"), { jieba, languages: ["es", "pt", "en"] }),
    };
    const text = await readFile(join(root, "test/fixtures/text-hand-coded.csv"), "utf8");
    const rows = parseAnswersCsv(text, "text-hand-coded.csv");
    // population and expected codes hold no commas: the first and last fields of each line.
    const lines = text.trim().split("\n").slice(1);
    const byLanguage = new Map<string, Array<{ expected: string[]; actual: string[] }>>();
    const misses: string[] = [];
    let uncoded = 0;
    rows.forEach((row, index) => {
      const population = lines[index].split(",")[0] as "china" | "lac";
      const expected = (lines[index].split(",").at(-1) ?? "").split(";");
      // Every other answer goes in without its language, to exercise detection on short answers.
      const coded = coders[population].code({
        text: row.text,
        language: index % 2 === 0 ? row.language : "",
      });
      if (coded.uncoded) uncoded++;
      const list = byLanguage.get(row.language) ?? [];
      list.push({ expected, actual: coded.codes });
      byLanguage.set(row.language, list);
      if ([...coded.codes].sort().join(";") !== [...expected].sort().join(";")) {
        misses.push(`${row.id} ${row.text}: ${coded.codes.join(";")} (expected ${expected.join(";")})`);
      }
    });
    const scores = Object.fromEntries([...byLanguage].map(([language, pairs]) => [language, microF1(pairs)]));
    console.log(
      "micro-F1 by language",
      scores,
      `uncoded ${uncoded} of ${rows.length}`,
      `\nmisses:\n${misses.join("\n")}`,
    );
    expect(rows).toHaveLength(160);
    for (const score of Object.values(scores)) expect(score).toBeGreaterThanOrEqual(0.9);
  });
});
