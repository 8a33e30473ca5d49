import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { parseCsvRows as parseCsv } from "../src/files/parseCsvRows.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { localize } from "../src/study/localize.ts";
import type { LoadedStudy } from "../src/study/types.ts";
import { walkQuestions } from "../src/study/walkQuestions.ts";
import { answerSurvey } from "./browser/answerSurvey.ts";
import { launchChromium } from "./browser/launchChromium.ts";

const run = promisify(execFile);

describe("a respondent answers the lac questionnaire in Spanish on a phone", () => {
  let directory: string;
  let parallax: ParallaxInstance;
  let browser: Browser;
  let origin: string;
  let study: LoadedStudy;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "parallax-browser-"));
    study = await readStudyFolder("examples/china-lac");
    parallax = await openParallax({
      db: join(directory, "parallax.db"),
      studies: [study],
      webRoot: await ensureWebBuilt(() => {}),
      // The demo keeps the article's fieldwork dates, long past: open them, as `npm start` does.
      openFieldwork: true,
    });
    origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await parallax?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("stores the answers, which the CSV export then shows", async () => {
    const ranking = walkQuestions(study.questionnaires.lac.json).find(
      (question) => question.name === "ranking_importance",
    );
    const label = (value: string) => {
      const choice = ranking?.choices?.find((item) => typeof item === "object" && item.value === value);
      return localize(typeof choice === "object" ? choice.text : undefined, "es") as string;
    };
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "es-MX",
    });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("requestfailed", (request) => failures.push(request.url()));
    await page.goto(`${origin}/s/china-lac/lac/es`);
    await expect.poll(() => page.locator(".sd-title").first().textContent()).toContain("De la mano");
    await answerSurvey(page, {
      age: 35,
      sex: "female",
      country: "mx",
      keywords: 'tecnología, comercio y "DeepSeek"',
      traits: ["smart", "hardworking"],
      interest: "very_interested",
      topics: ["ai", "electric_vehicles"],
      ranking_importance: ["china", "germany", "united_states", "russia", "japan", "spain", "france"].map(
        label,
      ),
      backyard: "fully_disagree",
    });
    await expect
      .poll(() => page.locator(".sd-completedpage").textContent(), { timeout: 15_000 })
      .toContain("Muchas gracias");
    await page.screenshot({ path: join(directory, "completed.png") });
    expect(failures).toEqual([]);
    await context.close();

    const out = join(directory, "export.csv");
    await run(process.execPath, [
      "bin/parallax.js",
      "export",
      "--study",
      "china-lac",
      "--db",
      join(directory, "parallax.db"),
      "--lang",
      "es",
      "--out",
      out,
    ]);
    const [header, ...rows] = parseCsv(readFileSync(out, "utf8"));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((name, index) => [name, rows[0][index]]));
    expect(row).toMatchObject({
      population: "lac",
      site: "mx",
      language: "es",
      mode: "web",
      status: "complete",
      age: "35",
      sex: "female",
      country: "mx",
      keywords: 'tecnología, comercio y "DeepSeek"',
      "traits.smart": "1",
      "traits.hardworking": "1",
      "traits.passionate": "0",
      "topics.ai": "1",
      backyard: "fully_disagree",
      "ranking_importance.china": "1",
      "ranking_importance.germany": "2",
      "ranking_importance.united_states": "3",
      "ranking_importance.france": "7",
    });
    expect(Number(row.duration_seconds)).toBeGreaterThanOrEqual(0);
    const codebook = readFileSync(out.replace(/\.csv$/, ".codebook.csv"), "utf8");
    expect(codebook).toContain("¿Qué edad tiene?");

    const [stored] = await responseRepository(parallax.store.db).list("china-lac", "lac");
    const paradata = stored.paradata as {
      questionTimes: Record<string, number>;
      pageTimes: Record<string, number>;
    };
    expect(Object.keys(paradata.pageTimes)).toEqual(
      expect.arrayContaining(["screening", "impressions", "world"]),
    );
    expect(paradata.questionTimes.age).toBeGreaterThan(0);
    expect(stored.userAgent).toContain("Chrome");
  });

  it("tells an ineligible respondent, in Portuguese, as soon as the age is given", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: "pt-BR",
    });
    const page = await context.newPage();
    await page.goto(`${origin}/s/china-lac/lac/pt`);
    const age = page.locator('.sd-question[data-name="age"] input');
    await age.fill("16");
    await age.blur();
    const message = study.definition.populations.find((population) => population.id === "lac")
      ?.screenOutMessage?.pt;
    await expect
      .poll(() => page.locator(".sd-completedpage").textContent(), { timeout: 15_000 })
      .toContain(message?.slice(0, 40));
    await expect
      .poll(async () =>
        (await responseRepository(parallax.store.db).list("china-lac", "lac")).map(
          (response) => response.status,
        ),
      )
      .toContain("screened_out");
    await context.close();
  });
});
