import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { assignmentRepository } from "../src/store/assignmentRepository.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { questionnaireVersion } from "../src/study/questionnaireVersion.ts";
import type { AssignmentInfo } from "../web/interviewer/assignmentTypes.ts";
import { finishInterview, newInterview } from "../web/interviewer/interviewLifecycle.ts";
import { type InterviewRecord, sealRecord } from "../web/interviewer/interviewRecord.ts";
import type { Settings } from "../web/interviewer/localStore.ts";
import { launchChromium } from "./browser/launchChromium.ts";
import { buildWebForInterviewerTests } from "./support/interviewerWebBuild.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";

const password = "correct horse battery staple";
const twoHours = 2 * 60 * 60 * 1000;

function readAll<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("parallax-interviewer");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
        };
      }),
    store,
  );
}

function putAll(page: Page, store: string, values: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, items]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("parallax-interviewer");
        open.onsuccess = () => {
          const transaction = open.result.transaction(name as string, "readwrite");
          for (const item of items as unknown[]) transaction.objectStore(name as string).put(item);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [store, values] as const,
  );
}

const stateOf = (page: Page, id: string) =>
  page.locator(`.ix-interview-row[data-id="${id}"]`).getAttribute("data-state");

describe("the interviewer app meets bad input and keeps every interview until the server has it", () => {
  let directory: string;
  let parallax: ParallaxInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let oldVersion: string;
  const interviewerId = randomUUID();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "parallax-interviewer-bad-"));
    parallax = await openParallax({
      db: join(directory, "parallax.db"),
      studies: [await readStudyFolder("test/fixtures/studies/quota-mini")],
      webRoot: await buildWebForInterviewerTests(),
    });
    origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
    // An earlier version of the questionnaire, served before the one loaded now, with one more question.
    const old = JSON.parse(readFileSync("test/fixtures/studies/quota-mini/adults.json", "utf8"));
    old.pages[1].elements.push({ type: "text", name: "hobby", title: { default: "Your hobby?" } });
    oldVersion = questionnaireVersion(old);
    await parallax.store.db
      .insertInto("questionnaire_versions")
      .values({
        study_id: "quota-mini",
        population_id: "adults",
        version: oldVersion,
        questionnaire: JSON.stringify(old),
        created_at: "2025-01-01T00:00:00.000Z",
      })
      .execute();
    // Argentina's quota cell is full.
    await parallax.store.db
      .updateTable("quota_cells")
      .set({ count: 3 })
      .where("quota_id", "=", "country")
      .where("cell", "=", "ar")
      .execute();
    await userRepository(parallax.store.db).add(
      { id: interviewerId, email: "li@example.org", name: "Li", role: "interviewer" },
      await hashPassword(password),
    );
    await assignmentRepository(parallax.store.db).assign({
      studyId: "quota-mini",
      populationId: "adults",
      userId: interviewerId,
      sites: ["ar", "mx"],
      assignedBy: "test",
    });
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 800, height: 1280 },
      locale: "zh-CN",
      geolocation: { latitude: 19.4326, longitude: -99.1332, accuracy: 20 },
      permissions: ["geolocation"],
    });
    page = await context.newPage();
    // The tablet's clock runs two hours fast.
    await page.clock.setFixedTime(new Date(Date.now() + twoHours));
  });
  afterAll(async () => {
    await browser?.close();
    await parallax?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function signIn(): Promise<void> {
    await page.fill('input[name="email"]', "li@example.org");
    await page.fill('input[name="password"]', password);
    await page.click('.ix-sign-in button[type="submit"]');
    await page.waitForSelector(".ix-assignment");
  }

  it("tells of a wrong clock and a full site, and stamps interviews with the server's time", async () => {
    await page.goto(`${origin}/interviewer`);
    await expect.poll(() => page.locator(".ix-sign-in h2").textContent()).toBe("登录");
    await signIn();
    await expect.poll(() => page.locator(".ix-main > .ix-warning").first().textContent()).toContain("120");
    await page.selectOption('select[name="site"]', "ar");
    expect(await page.locator(".ix-new .ix-warning").textContent()).toContain("ar");
    await page.selectOption('select[name="site"]', "mx");
    expect(await page.locator(".ix-new .ix-warning").count()).toBe(0);

    await page.check('input[name="consent"]');
    await page.check('input[name="consentLocation"]');
    await page.click(".ix-start");
    await page.waitForSelector(".sd-page");
    await page.locator('.sd-question[data-name="age"] input').fill("33");
    await page.locator('.sd-question[data-name="age"] input').blur();
    await expect
      .poll(async () => (await readAll<InterviewRecord>(page, "interviews"))[0]?.location?.latitude)
      .toBeCloseTo(19.4326, 3);
    await page.click(".ix-leave");
    const [record] = await readAll<InterviewRecord>(page, "interviews");
    // The point sits beside the answers, not among them, and survives the answers saved after it arrived.
    expect(record.answers).toEqual({ country: "mx", age: 33 });
    expect(record.paradata.consent).toEqual({ interview: true, location: true });
    expect(record.location).toMatchObject({ latitude: 19.4326, longitude: -99.1332 });
    const started = Date.parse(String(record.paradata.startedAt));
    const onDevice = Date.parse(String(record.paradata.deviceStartedAt));
    expect(Math.abs(started - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(onDevice - started - twoHours)).toBeLessThan(60_000);
  });

  it("records a refusal as a contact attempt the supervisor sees", async () => {
    await page.selectOption('select[name="site"]', "mx");
    await page.click(".ix-refused");
    await page.click(".ix-sync-now");
    await expect
      .poll(async () => (await readAll<{ state: string }>(page, "contacts")).map((contact) => contact.state))
      .toEqual(["uploaded"]);
    const rows = await parallax.store.db.selectFrom("contact_attempts").selectAll().execute();
    expect(rows).toMatchObject([{ interviewer_id: interviewerId, outcome: "refusal", site_id: "mx" }]);
  });

  it("holds back a damaged record, checks an old version's interview against that version, and keeps a rejected one", async () => {
    const settings = (await readAll<Settings>(page, "settings"))[0];
    const [assignment] = await readAll<AssignmentInfo>(page, "assignments");
    const make = (version: string, answers: Record<string, unknown>) => {
      const started = newInterview({
        assignment: { ...assignment, questionnaire: { ...assignment.questionnaire, version } },
        site: "mx",
        language: "en",
        settings,
        consentLocation: false,
      });
      const times = { pageTimes: {}, questionTimes: {}, activeMs: 60_000 };
      return sealRecord(finishInterview(sealRecord(started), answers, times, settings, {}));
    };
    const onOldVersion = make(oldVersion, { ...completeAnswers("mx", 30), hobby: "chess" });
    const unknownVersion = make("ffffffffffffffff", completeAnswers("mx", 31));
    const tampered = { ...make(assignment.questionnaire.version, completeAnswers("mx", 32)) };
    tampered.answers = { ...tampered.answers, age: 99 };
    await putAll(page, "interviews", [onOldVersion, unknownVersion, tampered]);
    await page.reload();
    await page.waitForSelector(".ix-interviews");
    expect(await stateOf(page, tampered.id)).toBe("damaged");
    expect(await page.locator(`[data-id="${tampered.id}"] .ix-reason`).textContent()).toContain("checksum");

    await page.click(".ix-sync-now");
    await expect.poll(() => stateOf(page, onOldVersion.id)).toBe("uploaded");
    await expect.poll(() => stateOf(page, unknownVersion.id)).toBe("rejected");
    expect(await page.locator(`[data-id="${unknownVersion.id}"] .ix-reason`).textContent()).toContain(
      "questionnaireVersion",
    );
    expect(await stateOf(page, tampered.id)).toBe("damaged");
    const stored = await responseRepository(parallax.store.db).list("quota-mini");
    expect(stored.map((response) => response.id)).toEqual([onOldVersion.id]);
    expect(stored[0]).toMatchObject({ questionnaireVersion: oldVersion, answers: { hobby: "chess" } });
    const kept = (await readAll<{ id: string }>(page, "interviews")).map((item) => item.id);
    expect(kept).toEqual(expect.arrayContaining([unknownVersion.id, tampered.id]));
  });

  it("asks a revoked interviewer to sign in again, keeping the waiting interviews, and sends them after", async () => {
    const settings = (await readAll<Settings>(page, "settings"))[0];
    const [assignment] = await readAll<AssignmentInfo>(page, "assignments");
    const started = sealRecord(
      newInterview({ assignment, site: "mx", language: "es", settings, consentLocation: false }),
    );
    const times = { pageTimes: {}, questionTimes: {}, activeMs: 1000 };
    const waiting = sealRecord(finishInterview(started, completeAnswers("mx", 45), times, settings, {}));
    await putAll(page, "interviews", [waiting]);
    await userRepository(parallax.store.db).setDisabled(interviewerId, true);
    // The background sync on start finds the access withdrawn.
    await page.reload();
    await page.waitForSelector(".ix-sign-in");
    expect(await page.locator(".ix-sign-in .ix-warning").textContent()).toContain("重新登录");
    expect(
      (await readAll<InterviewRecord>(page, "interviews")).find((item) => item.id === waiting.id)?.state,
    ).toBe("pending");
    expect(await responseRepository(parallax.store.db).find(waiting.id)).toBeUndefined();

    await userRepository(parallax.store.db).setDisabled(interviewerId, false);
    await signIn();
    await expect.poll(() => stateOf(page, waiting.id), { timeout: 20_000 }).toBe("uploaded");
    expect(await responseRepository(parallax.store.db).find(waiting.id)).toMatchObject({ mode: "f2f" });
  });
});
