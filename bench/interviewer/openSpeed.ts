/**
 * How long the interviewer app takes, offline on a tablet viewport (800×1280), to open a saved interview: from
 * the tap on "resume" to the questionnaire shown on the page where the interview was paused. Measured after a
 * reload with the network gone, both once the list has settled ("warm": the app pre-builds the questionnaire in
 * the background) and at once after the reload ("cold"). Run: npx tsx bench/interviewer/openSpeed.ts [runs]
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import { hashPassword } from "../../src/access/passwords.ts";
import { packageRoot } from "../../src/files/packageRoot.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { openParallax } from "../../src/server/openParallax.ts";
import { assignmentRepository } from "../../src/store/assignmentRepository.ts";
import { userRepository } from "../../src/store/userRepository.ts";
import { launchChromium } from "../../test/browser/launchChromium.ts";

const runs = Number(process.argv[2] ?? 12);
const password = "bench password 1234";
const directory = mkdtempSync(join(tmpdir(), "parallax-open-"));
const webRoot = join(directory, "web");
await build({
  configFile: join(packageRoot, "vite.config.ts"),
  logLevel: "warn",
  build: { outDir: webRoot },
});
const parallax = await openParallax({
  db: join(directory, "parallax.db"),
  studies: [await readStudyFolder(join(packageRoot, "examples/china-lac"))],
  webRoot,
  openFieldwork: true,
});
const origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
const userId = randomUUID();
await userRepository(parallax.store.db).add(
  { id: userId, email: "bench@example.org", name: "Bench", role: "interviewer" },
  await hashPassword(password),
);
await assignmentRepository(parallax.store.db).assign({
  studyId: "china-lac",
  populationId: "lac",
  userId,
  sites: ["br"],
  assignedBy: "bench",
});

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
const page = await context.newPage();
await page.goto(`${origin}/interviewer`);
await page.fill('input[name="email"]', "bench@example.org");
await page.fill('input[name="password"]', password);
await page.click('.ix-sign-in button[type="submit"]');
await page.waitForSelector(".ix-assignment");
await page.waitForFunction(async () => {
  const keys = await (await caches.open("parallax-interviewer-v1")).keys();
  return keys.some((request) => request.url.includes("portuguese"));
});

// A saved interview paused on its second page.
await page.selectOption('select[name="language"]', "pt");
await page.check('input[name="consent"]');
await page.click(".ix-start");
await page.locator('.sd-question[data-name="age"] input').fill("34");
await page.locator('.sd-question[data-name="sex"] label').first().click();
await page.click(".sd-navigation__next-btn");
await page.waitForSelector('.sd-question[data-name="traits"]');
await page.click(".ix-leave");
await context.setOffline(true);

interface Timing {
  total: number;
  /** Questionnaire read from IndexedDB and SurveyJS strings ready. */
  loaded: number;
  /** survey-core model built with the saved answers and page. */
  model: number;
  /** React committed the interview screen. */
  shown: number;
}

async function timeOpen(target: Page): Promise<Timing> {
  const elapsed = await target.evaluate(async () => {
    const began = performance.now();
    (document.querySelector(".ix-resume") as HTMLButtonElement).click();
    while (!document.querySelector('.sd-question[data-name="traits"]')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const total = performance.now() - began;
    // No helper function here: tsx would wrap it in a __name() call the page does not define.
    const [loaded, model, shown] = ["ix:loaded", "ix:model", "ix:shown"].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime - began,
    );
    return { total, loaded, model, shown };
  });
  await target.click(".ix-leave");
  await target.waitForSelector(".ix-resume");
  return elapsed;
}

const warm: Timing[] = [];
const cold: Timing[] = [];
for (let run = 0; run < runs; run++) {
  await page.reload();
  await page.waitForSelector(".ix-resume");
  cold.push(await timeOpen(page));
  await page.reload();
  await page.waitForSelector(".ix-main[data-warm]", { state: "attached" });
  warm.push(await timeOpen(page));
}

const stages = (timings: Timing[]) =>
  Object.fromEntries(
    (["loaded", "model", "shown", "total"] as const).map((stage) => [
      stage,
      summary(timings.map((timing) => timing[stage])),
    ]),
  );
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { median: at(0.5), p90: at(0.9), max: Math.round(sorted[sorted.length - 1]), runs: values.length };
};
console.log(
  JSON.stringify(
    {
      viewport: "800x1280",
      offline: true,
      openSavedInterviewMs: { warm: stages(warm), cold: stages(cold) },
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    },
    null,
    2,
  ),
);
await browser.close();
await parallax.close();
rmSync(directory, { recursive: true, force: true });
