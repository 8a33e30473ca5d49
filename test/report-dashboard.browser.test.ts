import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import { screenStoredStudy } from "../src/fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { renderReportHtml } from "../src/report/html/reportHtml.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { launchChromium } from "./browser/launchChromium.ts";
import { findPageDefects, type PageDefects } from "./browser/pageDefects.ts";
import { demoReport } from "./support/reportDemo.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

/** Screenshots for a reviewer, kept out of git (see .gitignore): test/artifacts/visual/. */
const artifacts = join(import.meta.dirname, "artifacts", "visual");
const languages = ["en", "zh-cn", "es", "pt"];
const reportCharts = {
  chart: "figure.chart svg",
  marks: ".role-mark path, .role-mark rect, .role-mark line",
};
const dashboardCharts = { chart: "svg.ad-interval", marks: "rect" };

const clean: PageDefects = {
  overflowing: [],
  pageScrollsSideways: false,
  missingGlyphs: [],
  emptyCharts: [],
};

describe("the report and the dashboard as a reader sees them in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it("finds a missing glyph, spilling text and an empty chart on a page made to have them", async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 400 } });
    await page.setContent(`<body style="font-family: sans-serif">
      <p>中文 Español Português \u0378</p>
      <div style="width: 80px; white-space: nowrap">a line far too long for its narrow box</div>
      <figure class="chart"><svg width="100" height="50"><g class="role-axis"><path d="M0 0H100"/></g>
        <g class="role-mark"></g></svg></figure>
      <svg class="ad-interval" width="100" height="10"><rect width="40" height="6"/></svg></body>`);
    const defects = await findPageDefects(page, reportCharts);
    expect(defects.missingGlyphs).toEqual(["\u0378"]);
    expect(defects.overflowing).toHaveLength(1);
    expect(defects.overflowing[0]).toContain("far too long");
    expect(defects.emptyCharts).toHaveLength(1);
    expect((await findPageDefects(page, dashboardCharts)).emptyCharts).toEqual([]);
    await page.close();
  });

  it("renders the HTML report in every study language with no overflow, missing glyph or empty chart", async () => {
    const { study, model } = await demoReport({ seed: 7, n: { china: 400, lac: 600 } });
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    for (const language of languages) {
      const file = join(artifacts, `report-${language}.html`);
      writeFileSync(file, await renderReportHtml(study, model, { language }));
      await page.goto(`file://${file}`);
      const charts = await page.locator("figure.chart svg").count();
      expect(charts, language).toBeGreaterThan(40);
      expect(await findPageDefects(page, reportCharts), language).toEqual(clean);
      await page.screenshot({ path: join(artifacts, `report-${language}.png`), fullPage: true });
    }
    await page.close();
  });

  describe("the dashboard", () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer("sqlite", "examples/china-lac", { openFieldwork: true });
      const study = await readStudyFolder("examples/china-lac");
      const quality = await readQualityConfig(study.directory);
      const simulation = simulateFieldwork(study, {
        seed: 3,
        n: { china: 300, lac: 1100 },
        quality,
        faults: defaultFaultShares,
        fabricatingInterviewers: 2,
        exact: true,
      });
      const db = server.parallax.store.db;
      await loadSimulatedFieldwork(db, study, simulation);
      await screenStoredStudy(db, study, quality);
      await userRepository(db).add(
        { id: randomUUID(), email: "manager@example.org", name: "Manager", role: "manager" },
        await hashPassword("correct horse battery staple"),
      );
    });
    afterAll(async () => server?.close());

    async function signIn(page: Page): Promise<void> {
      await page.goto(`${server.origin}/admin`);
      await page.fill("input[name=email]", "manager@example.org");
      await page.fill("input[name=password]", "correct horse battery staple");
      await page.click("button[type=submit]");
      await page.waitForSelector("nav.ad-tabs");
    }

    const tabs: Record<string, string> = {
      progress: "[data-population] table",
      rates: "[data-table=opt-in] tbody tr",
      toplines: "figure.ad-topline",
      quality: "[data-table=interviewer-checks] tr.ad-flagged",
      interviewers: ".parallax-supervisor tbody tr",
    };

    it("shows every tab in every study language with no overflow, missing glyph or empty chart", async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page);
      for (const language of languages) {
        await page.selectOption("select[name=language]", language);
        for (const [tab, ready] of Object.entries(tabs)) {
          await page.goto(`${server.origin}/admin#${tab}`);
          await page.waitForSelector(ready);
          expect(await page.locator("main").getAttribute("lang")).toBe(language);
          expect(await findPageDefects(page, dashboardCharts), `${language} ${tab}`).toEqual(clean);
          await page.screenshot({
            path: join(artifacts, `dashboard-${language}-${tab}.png`),
            fullPage: true,
          });
        }
      }
      await page.close();
    });

    it("draws one interval bar per population and answer on the toplines, and fits a phone", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
      await signIn(page);
      await page.selectOption("select[name=language]", "es");
      await page.goto(`${server.origin}/admin#toplines`);
      await page.waitForSelector("figure.ad-topline");
      const bars = await page.locator("svg.ad-interval").count();
      const rows = await page.locator(".ad-topline-table tbody tr").count();
      expect(bars).toBe(rows * 2);
      expect(await findPageDefects(page, dashboardCharts)).toEqual(clean);
      await page.screenshot({ path: join(artifacts, "dashboard-es-toplines-phone.png"), fullPage: true });
      await page.goto(`${server.origin}/admin#progress`);
      await page.waitForSelector(tabs.progress);
      expect((await findPageDefects(page, dashboardCharts)).pageScrollsSideways).toBe(false);
      await page.close();
    });
  });
});
