import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCodebook } from "../src/text/testCodebook.ts";
import { runParallax } from "./support/runParallax.ts";

const demo = join(import.meta.dirname, "../examples/china-lac");

let folder: string;
let study: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "parallax-text-"));
  study = join(folder, "study");
  await cp(demo, study, { recursive: true });
  // One codebook shared by both populations, so answers in all four languages go through one command.
  await rm(join(study, "codebooks"), { recursive: true });
  await writeFile(join(folder, "answers.csv"), answersCsv);
  await mkdir(join(study, "codebooks"));
  await writeFile(join(study, "codebooks/keywords.json"), JSON.stringify(testCodebook()));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const answersCsv = [
  "id,language,text",
  "c1,zh-cn,桑巴舞和电动汽车",
  "c2,,電動汽車",
  "c3,zh-cn,不知道",
  "s1,es,Tecnologías",
  's2,es,"La guerra comercial, y BYD"',
  "p1,pt,tecnologia",
  "p2,,carros elétricos",
  "e1,en,Latin America and samba",
  "e2,en,pandas",
  "e3,en,pandas and tea",
  "b1,es,",
].join("\n");

describe("parallax code", () => {
  it("codes a CSV in four languages into id,codes and reports the uncoded share", async () => {
    const out = join(folder, "coded.csv");
    const result = await runParallax([
      "code",
      "--study",
      study,
      "--question",
      "keywords",
      "--data",
      join(folder, "answers.csv"),
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect((await readFile(out, "utf8")).trim().split(/\r?\n/)).toEqual([
      "id,codes",
      "c1,electric_vehicles;samba",
      "c2,electric_vehicles",
      "c3,none",
      "s1,technology",
      "s2,electric_vehicles;china_us",
      "p1,technology",
      "p2,electric_vehicles",
      "e1,latin_america;samba",
      "e2,other",
      "e3,other",
      "b1,",
    ]);
    expect(result.stderr).toContain("Uncoded (other): 2 of 10 answers, 20.0%.");
    expect(result.stderr).toMatch(/\[en\] pandas — 2 answers, e\.g\. "pandas", "pandas and tea"/);
  });

  it("writes to standard output without --out", async () => {
    const result = await runParallax([
      "code",
      "--study",
      study,
      "--question",
      "keywords",
      "--data",
      join(folder, "answers.csv"),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split(/\r?\n/)[1]).toBe("c1,electric_vehicles;samba");
  });

  it("asks for --population where populations have their own codebooks", async () => {
    const result = await runParallax([
      "code",
      "--study",
      demo,
      "--question",
      "keywords",
      "--data",
      join(folder, "answers.csv"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error USAGE: keywords is asked in china and lac with different codebooks",
    );
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("rejects a malformed CSV and an invalid codebook with their places", async () => {
    await writeFile(join(folder, "bad.csv"), 'id,text\n1,"unterminated\n');
    const csv = await runParallax([
      "code",
      "--study",
      study,
      "--question",
      "keywords",
      "--data",
      join(folder, "bad.csv"),
    ]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("error CSV_INVALID");
    const broken = {
      ...testCodebook(),
      codes: [{ id: "x", label: { en: "X" }, patterns: { en: { regex: ["("] } } }],
    };
    await writeFile(join(study, "codebooks/keywords.json"), JSON.stringify(broken));
    const book = await runParallax([
      "code",
      "--study",
      study,
      "--question",
      "keywords",
      "--data",
      join(folder, "answers.csv"),
    ]);
    await writeFile(join(study, "codebooks/keywords.json"), JSON.stringify(testCodebook()));
    expect(book.code).toBe(1);
    expect(book.stderr).toContain(
      "codebooks/keywords.json $.codes[0].patterns.en.regex[0]: not a valid regular expression",
    );
  });
});

describe("parallax codebook", () => {
  it("shows a demo codebook as JSON, each code with its id and labels", async () => {
    const result = await runParallax([
      "codebook",
      "show",
      "--study",
      demo,
      "--question",
      "keywords",
      "--population",
      "lac",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(shown.file).toBe("codebooks/lac.keywords.json");
    expect(shown.codes[0]).toMatchObject({
      id: "technology",
      label: { en: "Technology", "zh-cn": "科技", es: "Tecnología" },
    });
  });

  it("exports a codebook to a workbook and imports it back unchanged", async () => {
    const xlsx = join(folder, "book.xlsx");
    const target = ["--study", demo, "--question", "impressions_past_year", "--population", "lac"];
    expect((await runParallax(["codebook", "export", ...target, "--xlsx", xlsx])).code).toBe(0);
    const out = join(folder, "imported.json");
    expect((await runParallax(["codebook", "import", ...target, "--xlsx", xlsx, "--out", out])).code).toBe(0);
    const original = JSON.parse(
      await readFile(join(demo, "codebooks/lac.impressions_past_year.json"), "utf8"),
    );
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual(original);
  });
});
