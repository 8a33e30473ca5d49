import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { openDatabase } from "../src/store/openDatabase.ts";
import { demoFolder } from "./support/reportDemo.ts";
import { runParallax } from "./support/runParallax.ts";

const withoutTimestamps = (html: string) => html.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "");

describe("parallax report --db", () => {
  let directory: string;
  let db: string;

  // 20,500 valid and more stored in two populations: over 20,000, the command screens the larger on a second thread.
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "parallax-report-cli-"));
    db = join(directory, "parallax.db");
    const study = await readStudyFolder(demoFolder);
    const simulation = simulateFieldwork(study, {
      seed: 8,
      n: { china: 8_000, lac: 12_500 },
      faults: defaultFaultShares,
      fabricatingInterviewers: 4,
      quality: await readQualityConfig(demoFolder),
    });
    const store = await openDatabase(db);
    try {
      await loadSimulatedFieldwork(store.db, study, simulation);
    } finally {
      await store.close();
    }
  }, 120_000);

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("writes the same report with a second thread screening as with --one-thread", async () => {
    const twoThreads = join(directory, "two.html");
    const oneThread = join(directory, "one.html");
    const common = ["report", "--study", demoFolder, "--db", db, "--lang", "es"];
    const first = await runParallax([...common, "--out", twoThreads]);
    const second = await runParallax([...common, "--out", oneThread, "--one-thread"]);
    expect(first).toMatchObject({ code: 0 });
    expect(second).toMatchObject({ code: 0 });
    const valid = Number(/on (\d+) valid responses/.exec(first.stderr)?.[1]);
    expect(valid).toBeGreaterThan(15_000);
    expect(valid).toBeLessThan(21_000);
    expect(second.stderr).toContain(`on ${valid} valid responses`);
    const html = await readFile(twoThreads, "utf8");
    expect(html).toContain("<svg");
    expect(withoutTimestamps(html)).toBe(withoutTimestamps(await readFile(oneThread, "utf8")));
  }, 120_000);

  it("names the study it cannot find", async () => {
    const result = await runParallax([
      "report",
      "--study",
      "nowhere",
      "--db",
      db,
      "--out",
      join(directory, "x.html"),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('"nowhere" is neither a study folder nor a study in');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
