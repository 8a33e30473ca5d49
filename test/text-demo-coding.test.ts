import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locateCodebook, readCodebook } from "../src/cli/codebookFile.ts";
import { parseCsvRows } from "../src/files/parseCsvRows.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { walkQuestions } from "../src/study/walkQuestions.ts";
import { type Coder, createCoder } from "../src/text/createCoder.ts";
import { createJieba } from "../src/text/createJieba.ts";
import { parseCodebook } from "../src/text/parseCodebook.ts";

const root = join(import.meta.dirname, "..");

async function codebook(file: string) {
  return parseCodebook(await readFile(join(root, "examples/china-lac/codebooks", file), "utf8"), file);
}

interface HandCoded {
  population: "china" | "lac";
  id: string;
  /** The language the answer is written in (what the scores are grouped by). */
  language: string;
  /** The tag the survey recorded: empty where it recorded none, regional tags as browsers send them. */
  recorded: string;
  text: string;
  expected: string[];
}

/** test/fixtures/text-hand-coded.csv: answers written for the test, coded by hand from their meaning. */
async function handCoded(): Promise<HandCoded[]> {
  const text = await readFile(join(root, "test/fixtures/text-hand-coded.csv"), "utf8");
  const [header, ...rows] = parseCsvRows(text).filter((row) => row.some((field) => field !== ""));
  expect(header).toEqual(["population", "id", "language", "recorded", "text", "expected"]);
  return rows.map(([population, id, language, recorded, answer, expected]) => ({
    population: population as HandCoded["population"],
    id,
    language,
    recorded,
    text: answer,
    expected: expected.split(";"),
  }));
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

async function demoCoders(): Promise<Record<HandCoded["population"], Coder>> {
  const jieba = createJieba();
  return {
    china: createCoder(await codebook("china.keywords.json"), { jieba, languages: ["zh-cn", "en"] }),
    lac: createCoder(await codebook("lac.keywords.json"), { jieba, languages: ["es", "pt", "en"] }),
  };
}

describe("the demo codebooks on hand-coded answers", () => {
  it("reach micro-F1 of at least 0.9 in every language, recorded language or not", async () => {
    const coders = await demoCoders();
    const answers = await handCoded();
    const byLanguage = new Map<string, Array<{ expected: string[]; actual: string[] }>>();
    const misses: string[] = [];
    let uncoded = 0;
    for (const answer of answers) {
      const coded = coders[answer.population].code({ text: answer.text, language: answer.recorded });
      if (coded.uncoded) uncoded++;
      const list = byLanguage.get(answer.language) ?? [];
      list.push({ expected: answer.expected, actual: coded.codes });
      byLanguage.set(answer.language, list);
      if ([...coded.codes].sort().join(";") !== [...answer.expected].sort().join(";")) {
        misses.push(
          `${answer.id} ${answer.text}: ${coded.codes.join(";")} (expected ${answer.expected.join(";")})`,
        );
      }
    }
    const scores = Object.fromEntries(
      [...byLanguage].map(([language, pairs]) => [language, Number(microF1(pairs).toFixed(4))]),
    );
    console.log(
      "micro-F1 by language",
      scores,
      `uncoded ${uncoded} of ${answers.length}`,
      `\nmisses (${misses.length}):\n${misses.join("\n")}`,
    );
    expect(Object.fromEntries([...byLanguage].map(([language, pairs]) => [language, pairs.length]))).toEqual({
      "zh-cn": 100,
      en: 100,
      es: 100,
      pt: 100,
    });
    expect(answers.filter((answer) => answer.recorded === "").length).toBeGreaterThan(100);
    for (const score of Object.values(scores)) expect(score).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the china codebook of impressions_past_year", () => {
  it("codes typical answers about the past year's news by their meaning", async () => {
    const coder = createCoder(await codebook("china.impressions_past_year.json"), {
      jieba: createJieba(),
      languages: ["zh-cn", "en"],
    });
    const answers: Array<[string, string, string[]]> = [
      ["zh-cn", "习近平主席出席秘鲁APEC会议，钱凯港开港", ["xi_visit_apec_chancay"]],
      ["", "对巴西、阿根廷等国免签了，想去旅游", ["visa_free_travel"]],
      ["zh-cn", "比亚迪在巴西建厂", ["trade_investment", "chinese_brands_ev"]],
      ["zh-cn", "智利车厘子又便宜又好吃", ["food_imports"]],
      ["zh-TW", "阿根廷通貨膨脹很嚴重", ["economy_crisis"]],
      ["zh-cn", "米莱当选阿根廷总统", ["elections_politics"]],
      ["", "特朗普要收回巴拿马运河", ["us_tensions"]],
      ["zh-cn", "巴西南部发生严重洪灾", ["disasters_environment"]],
      ["zh-cn", "梅西带领阿根廷赢得美洲杯", ["football_sports"]],
      ["zh-cn", "中拉论坛在北京召开", ["china_celac_forum"]],
      ["", "里约的G20峰会", ["g20_brics"]],
      ["zh-cn", "海地的帮派暴力", ["crime_violence"]],
      ["zh-cn", "看了一部关于墨西哥亡灵节的纪录片", ["culture_media"]],
      ["zh-cn", "没怎么关注", ["none"]],
      ["zh-cn", "嗯，想不起来", ["none"]],
      ["zh-cn", "大熊猫去了墨西哥", ["other"]],
      ["zh-cn", "拉美国家对中国很友好", ["friendship"]],
      ["en", "Xi's visit to Peru and the Chancay port", ["xi_visit_apec_chancay"]],
      ["en", "visa-free travel to Brazil", ["visa_free_travel"]],
      ["", "Milei's election in Argentina", ["elections_politics"]],
      ["en", "Trump's tariffs on Mexico", ["us_tensions"]],
      ["en", "floods in Brazil", ["disasters_environment"]],
      ["en", "nothing in particular", ["none"]],
    ];
    const pairs = answers.map(([language, text, expected]) => ({
      text,
      expected,
      actual: coder.code({ text, language }).codes,
    }));
    const misses = pairs.filter((pair) => pair.actual.join(";") !== pair.expected.join(";"));
    console.log(
      `impressions_past_year (china): ${pairs.length - misses.length} of ${pairs.length} exact`,
      misses,
    );
    expect(microF1(pairs)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the demo's open questions", () => {
  it("each have a codebook for every population asking them, labelled in every study language", async () => {
    const folder = join(root, "examples/china-lac");
    const study = await readStudyFolder(folder);
    const open = study.definition.populations.flatMap((population) =>
      walkQuestions(study.questionnaires[population.id].json)
        .filter((question) => question.type === "comment")
        .map((question) => ({ population: population.id, question: question.name })),
    );
    expect(open).toEqual(
      expect.arrayContaining([
        { population: "china", question: "impressions_past_year" },
        { population: "lac", question: "impressions_past_year" },
      ]),
    );
    for (const target of open) {
      const located = await locateCodebook({ study: folder, ...target });
      expect(located.file).toBe(`codebooks/${target.population}.${target.question}.json`);
      // Throws CODEBOOK_INVALID when a label or an answer language's patterns are missing.
      const book = await readCodebook(located);
      expect(book.question).toBe(target.question);
    }
  });
});
