/**
 * Coding throughput: 100,000 distinct open answers (the hand-coded set, each made unique by a number, so no cache
 * can make repeats free) coded with the demo's keyword codebooks. Prints the median of the runs and, as a
 * baseline in the same process, the time to tokenise the same texts with a plain split, so a ratio survives the
 * shared machine's noise. Target: under 5 s. Run: npx tsx bench/text/codingThroughput.ts [runs]
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCsvRows } from "../../src/files/parseCsvRows.ts";
import { createCoder } from "../../src/text/createCoder.ts";
import { createJieba } from "../../src/text/createJieba.ts";
import { parseCodebook } from "../../src/text/parseCodebook.ts";

const root = join(import.meta.dirname, "../..");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function codebook(file: string) {
  return parseCodebook(await readFile(join(root, "examples/china-lac/codebooks", file), "utf8"), file);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const jieba = createJieba();
  const coders = {
    china: createCoder(await codebook("china.keywords.json"), { jieba, languages: ["zh-cn", "en"] }),
    lac: createCoder(await codebook("lac.keywords.json"), { jieba, languages: ["es", "pt", "en"] }),
  };
  const csv = await readFile(join(root, "test/fixtures/text-hand-coded.csv"), "utf8");
  const [, ...rows] = parseCsvRows(csv).filter((row) => row.some((field) => field !== ""));
  const batch = Array.from({ length: 100_000 }, (_, index) => {
    const [population, , , recorded, text] = rows[index % rows.length];
    return { coder: coders[population as "china" | "lac"], language: recorded, text: `${text} ${index}` };
  });
  const seconds: number[] = [];
  const baseline: number[] = [];
  let codes = 0;
  for (let run = 0; run < runs; run++) {
    const startedBaseline = performance.now();
    let words = 0;
    for (const { text } of batch) words += text.toLowerCase().split(/\s+/).length;
    baseline.push((performance.now() - startedBaseline) / 1000);
    const started = performance.now();
    codes = 0;
    for (const { coder, language, text } of batch) codes += coder.code({ text, language }).codes.length;
    seconds.push((performance.now() - started) / 1000);
    if (words === 0) throw new Error("no words");
  }
  const time = median(seconds);
  process.stdout.write(
    `coded ${batch.length} distinct answers (${codes} codes), median of ${runs}: ${time.toFixed(2)} s, ` +
      `${Math.round(batch.length / time)} a second; baseline split ${median(baseline).toFixed(3)} s, ` +
      `ratio ${(time / median(baseline)).toFixed(0)}; target < 5 s: ${time < 5 ? "met" : "missed"}\n`,
  );
}

await main();
