import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { launchChromium } from "./browser/launchChromium.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";

describe("fieldwork windows", () => {
  const directory = mkdtempSync(join(tmpdir(), "parallax-window-"));
  const instances: Record<string, { parallax: ParallaxInstance; origin: string }> = {};

  beforeAll(async () => {
    const study = await readStudyFolder("test/fixtures/studies/mini");
    const webRoot = await ensureWebBuilt(() => {});
    for (const [name, at] of [
      ["before", "2024-12-31T12:00:00Z"],
      ["after", "2031-01-02T12:00:00Z"],
    ] as const) {
      const parallax = await openParallax({
        db: join(directory, `${name}.db`),
        studies: [study],
        webRoot,
        now: () => new Date(at),
      });
      instances[name] = { parallax, origin: await parallax.app.listen({ port: 0, host: "127.0.0.1" }) };
    }
  });
  afterAll(async () => {
    for (const { parallax } of Object.values(instances)) await parallax.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("refuses responses before and after the window, saying when it opens or closed", async () => {
    for (const [name, expected] of [
      ["before", "opens on 2025-01-01 (America/Mexico_City)"],
      ["after", "closed on 2030-12-31 (America/Mexico_City)"],
    ]) {
      const reply = await fetch(
        `${instances[name].origin}/api/v1/studies/mini/populations/adults/responses`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            id: randomUUID(),
            language: "es",
            mode: "web",
            answers: completeAnswers("mx", 30),
          }),
        },
      );
      expect(reply.status).toBe(403);
      const { error } = (await reply.json()) as {
        error: { code: string; details: Array<{ message: string }> };
      };
      expect(error.code).toBe("FIELDWORK_CLOSED");
      expect(error.details[0].message).toBe(expected);
    }
  });

  it("shows the respondent a page in their language with the date", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${instances.before.origin}/s/mini/adults/es`);
      await expect
        .poll(() => page.locator(".parallax-notice").textContent())
        .toBe("Esta encuesta se abre el 1 de enero de 2025. Vuelva entonces, por favor.");
      await page.goto(`${instances.after.origin}/s/mini/adults/en`);
      await expect
        .poll(() => page.locator(".parallax-notice").textContent())
        .toBe("This survey closed on December 31, 2030. Thank you for your interest.");
    } finally {
      await browser.close();
    }
  });
});
