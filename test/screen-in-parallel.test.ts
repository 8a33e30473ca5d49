import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asScreened, loadAndScreen } from "../src/fieldwork/loadAndScreen.ts";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import { toScreenedResponse } from "../src/fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import type { QualityConfig } from "../src/quality/qualityConfig.ts";
import { runScreen } from "../src/quality/screenResponses.ts";
import type { FlagVerdict, ScreenedResponse } from "../src/quality/types.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { openDatabase, type Store } from "../src/store/openDatabase.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import type { LoadedStudy } from "../src/study/types.ts";
import { demoFolder } from "./support/reportDemo.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const verdictKeys = (flags: readonly FlagVerdict[]) =>
  flags.map((flag) => `${flag.id} ${flag.rule} ${flag.severity}`).sort();

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`screening on two threads on ${dialect}`, () => {
    let database: TestDatabase;
    let store: Store;
    let study: LoadedStudy;
    let quality: QualityConfig;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      study = await readStudyFolder(demoFolder);
      quality = await readQualityConfig(demoFolder);
      const simulation = simulateFieldwork(study, {
        seed: 5,
        n: { china: 300, lac: 500 },
        faults: defaultFaultShares,
        fabricatingInterviewers: 2,
        quality,
      });
      store = await openDatabase(database.url);
      await loadSimulatedFieldwork(store.db, study, simulation);
    }, 120_000);

    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("gives the verdicts of one screen of every response, the second thread screening the larger population", async () => {
      const listed = await responseRepository(store.db).listMapped(study.definition.id, toScreenedResponse);
      const whole = runScreen(study, listed, quality).flags;
      let screening = 0;
      const { responses, flags } = await loadAndScreen(store, {
        dbUrl: database.url,
        study,
        quality,
        minimumForSecondThread: 0,
        onScreening: () => screening++,
      });
      expect(screening).toBe(1);
      expect(responses.map((response) => response.id)).toEqual(listed.map((response) => response.id));
      expect(verdictKeys(flags)).toEqual(verdictKeys(whole));
      // Both threads had something to judge: the rules flag responses of both populations.
      const flagged = new Set(flags.map((flag) => flag.id));
      const populationsFlagged = new Set(
        responses.filter((response) => flagged.has(response.id)).map((response) => response.population),
      );
      expect([...populationsFlagged].sort()).toEqual(["china", "lac"]);
      // The larger population (lac) was screened elsewhere: here only `simulated` is kept of its paradata.
      const lac = responses.find((response) => response.population === "lac");
      const china = responses.find((response) => response.population === "china");
      expect(lac?.paradata).toEqual({ simulated: true });
      expect(china?.paradata.startedAt).toEqual(expect.any(String));
    }, 60_000);

    it("screens on one thread below the minimum, with the same verdicts", async () => {
      const { responses, flags } = await loadAndScreen(store, { dbUrl: database.url, study, quality });
      expect(responses.every((response) => response.paradata.startedAt !== undefined)).toBe(true);
      expect(verdictKeys(flags)).toEqual(verdictKeys(runScreen(study, responses, quality).flags));
    }, 60_000);
  });
}

describe("screening on two threads", () => {
  it("reports the second thread's failure with its error code", async () => {
    const database = await createTestDatabase("sqlite");
    const study = await readStudyFolder(demoFolder);
    const store = await openDatabase(database.url);
    try {
      const simulation = simulateFieldwork(study, { seed: 6, n: { china: 20, lac: 20 }, quality: undefined });
      await loadSimulatedFieldwork(store.db, study, simulation);
      await expect(
        loadAndScreen(store, {
          // Beneath a file, where no directory can be made.
          dbUrl: join(database.url, "none.db"),
          study,
          quality: await readQualityConfig(demoFolder),
          minimumForSecondThread: 0,
        }),
      ).rejects.toMatchObject({
        code: "FILE_UNREADABLE",
        details: [{ path: join(database.url, "none.db") }],
      });
    } finally {
      await store.close();
      await database.drop();
    }
  }, 60_000);

  it("leaves out a response of the second thread's populations that it did not screen as read here", () => {
    const response = (id: string, population: string, status: string): ScreenedResponse => ({
      id,
      population,
      status,
      language: "es",
      mode: "web",
      answers: {},
      paradata: {},
    });
    const read = [
      response("a", "lac", "complete"),
      response("b", "lac", "complete"),
      response("c", "china", "complete"),
      response("d", "lac", "complete"),
    ];
    // "b" was completed after the second thread read it as partial; "d" arrived after it read.
    const kept = asScreened(read, new Set(["lac"]), {
      flags: [],
      ids: ["a", "b"],
      statuses: ["complete", "partial"],
    });
    expect(kept.map((row) => row.id)).toEqual(["a", "c"]);
    // Seen alike by both threads: kept as read. Seen only by the second thread ("e"): nothing to leave out.
    const alike = { flags: [], ids: ["a", "b", "d"], statuses: ["complete", "complete", "complete"] };
    expect(asScreened(read, new Set(["lac"]), alike)).toBe(read);
    const more = {
      flags: [],
      ids: ["a", "b", "e", "d"],
      statuses: ["complete", "complete", "complete", "complete"],
    };
    expect(asScreened(read, new Set(["lac"]), more).map((row) => row.id)).toEqual(["a", "b", "c", "d"]);
  });
});
