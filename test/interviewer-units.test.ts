import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { interviewSeconds, summarizeInterviewers } from "../src/server/interviewerSummary.ts";
import { cellsForSites } from "../src/server/routes/interviewerRoutes.ts";
import type { StoredResponse } from "../src/store/responseRepository.ts";
import type { User } from "../src/store/userRepository.ts";
import type { StudyDefinition } from "../src/study/types.ts";
import { finishInterview, newInterview, serverClock } from "../web/interviewer/interviewLifecycle.ts";
import { checkRecord, contentChecksum, isDamaged, sealRecord } from "../web/interviewer/interviewRecord.ts";
import { appLanguages, appMessages, defaultAppLanguage } from "../web/interviewer/messages.ts";
import { fullCellsFor, siteIsFull } from "../web/interviewer/quotaWarnings.ts";

const definition = JSON.parse(
  readFileSync("test/fixtures/studies/quota-mini/study.json", "utf8"),
) as StudyDefinition;
const population = definition.populations[0];
const cell = (quotaId: string, name: string, count: number, target: number) => ({
  populationId: population.id,
  quotaId,
  cell: name,
  count,
  target,
});
const snapshot = [
  cell("country", "ar", 3, 3),
  cell("country", "mx", 1, 40),
  cell("country_age", "mx|40-70", 5, 5),
  cell("country_age", "mx|18-39", 0, 100),
  cell("country_age", "ar|18-39", 0, 100),
];

function assignment() {
  return {
    id: "a1",
    study: { id: "quota-mini", title: { en: "Mini" } },
    population,
    sites: ["ar", "mx"],
    quotaCells: snapshot,
    questionnaire: { version: "0123456789abcdef", json: { pages: [] } },
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("interview records on the device", () => {
  const settings = {
    deviceId: "device-1",
    clockOffsetMs: 3_600_000,
    session: { user: { id: "u1", email: "a@b.c", name: "A" }, csrfToken: "t" },
  };
  const record = sealRecord(
    newInterview({ assignment: assignment(), site: "mx", language: "es", settings, consentLocation: false }),
  );

  it("starts with the site answered, the interviewer and device named, and the server-corrected start", () => {
    expect(record.answers).toEqual({ country: "mx" });
    expect(record.paradata).toMatchObject({
      interviewer: "u1",
      deviceId: "device-1",
      clockOffsetMs: 3_600_000,
    });
    const corrected = Date.parse(String(record.paradata.startedAt));
    const device = Date.parse(String(record.paradata.deviceStartedAt));
    expect(corrected - device).toBe(3_600_000);
    expect(checkRecord(record, record.id)).toEqual(record);
  });

  it("freezes the body at the end with the version the interview began with", () => {
    const times = { pageTimes: { p1: 10 }, questionTimes: { age: 5 }, activeMs: 20 };
    const finished = sealRecord(
      finishInterview(record, { country: "mx", age: 30 }, times, settings, { screenedOutOnDevice: false }),
    );
    expect(finished.state).toBe("pending");
    expect(finished.body).toMatchObject({
      id: record.id,
      mode: "f2f",
      language: "es",
      questionnaireVersion: "0123456789abcdef",
      answers: { country: "mx", age: 30 },
      paradata: { interviewer: "u1", activeMs: 20, questionTimes: { age: 5 } },
    });
    expect(isDamaged(checkRecord(finished, finished.id))).toBe(false);
  });

  it("recognises a damaged or altered record and keeps what it found", () => {
    const altered = { ...record, answers: { country: "ar" } };
    const found = checkRecord(altered, record.id);
    expect(isDamaged(found) && found.reason).toBe("checksum does not match");
    expect(isDamaged(found) && found.raw).toBe(altered);
    expect(checkRecord("garbage", "k1")).toMatchObject({ id: "k1", reason: "not an object" });
    const noBody = sealRecord({ ...record, state: "pending" });
    expect(checkRecord(noBody, record.id)).toMatchObject({ reason: "missing or malformed body" });
    expect(checkRecord({ ...record, state: "sent?" }, record.id)).toMatchObject({
      reason: "missing or malformed state",
    });
  });

  it("checksums content, not key order", () => {
    expect(contentChecksum({ a: 1, b: [1, { c: 2 }] })).toBe(contentChecksum({ b: [1, { c: 2 }], a: 1 }));
    expect(contentChecksum({ a: 1 })).not.toBe(contentChecksum({ a: 2 }));
    expect(serverClock({ deviceId: "d", clockOffsetMs: -1000 }, new Date("2026-01-01T00:00:01.000Z"))).toBe(
      "2026-01-01T00:00:00.000Z",
    );
  });
});

describe("quota warnings from the snapshot", () => {
  it("warns for a site whose own cell is full and for answers that reach a full cell", () => {
    expect(siteIsFull(population, snapshot, "ar")).toBe(true);
    expect(siteIsFull(population, snapshot, "mx")).toBe(false);
    expect(fullCellsFor(population, snapshot, { country: "mx", age: 50 }).map((item) => item.cell)).toEqual([
      "mx|40-70",
    ]);
    expect(fullCellsFor(population, snapshot, { country: "mx", age: 25 })).toEqual([]);
    expect(fullCellsFor(population, snapshot, { country: "mx" })).toEqual([]);
  });

  it("sends an interviewer only the cells of their own sites", () => {
    const cells = cellsForSites(population, snapshot, ["mx"]).map((item) => item.cell);
    expect(cells).toEqual(["mx", "mx|40-70", "mx|18-39"]);
  });
});

describe("the supervisor's summary", () => {
  const user = (id: string, email: string): User => ({
    id,
    email,
    name: email,
    role: "interviewer",
    disabled: false,
    createdAt: "",
  });
  const response = (id: string, interviewer: string, status: string, activeMs: number, at: string) =>
    ({
      id,
      mode: "f2f",
      status,
      paradata: { interviewer, activeMs },
      receivedAt: at,
    }) as unknown as StoredResponse;

  it("counts interviews, the median active time of complete ones, refusals and the last sync", () => {
    const rows = summarizeInterviewers({
      users: [user("u1", "ana@x.org"), user("u2", "bea@x.org")],
      assignments: [
        {
          id: "a",
          studyId: "s",
          populationId: "lac",
          userId: "u2",
          sites: ["br"],
          assignedBy: "cli",
          createdAt: "",
          updatedAt: "",
        },
      ],
      responses: [
        response("r1", "u1", "complete", 600_000, "2026-01-02T00:00:00Z"),
        response("r2", "u1", "complete", 900_000, "2026-01-03T00:00:00Z"),
        response("r3", "u1", "complete", 1_200_000, "2026-01-01T00:00:00Z"),
        response("r4", "u1", "screened_out", 60_000, "2026-01-04T00:00:00Z"),
        { ...response("r5", "u1", "complete", 1, "2026-01-09T00:00:00Z"), mode: "web" },
      ],
      contacts: [
        {
          id: "c1",
          studyId: "s",
          populationId: "lac",
          interviewerId: "u2",
          siteId: "br",
          outcome: "refusal",
          attemptedAt: "",
          receivedAt: "2026-01-05T00:00:00Z",
        },
      ],
    });
    expect(rows.map((row) => row.email)).toEqual(["ana@x.org", "bea@x.org"]);
    expect(rows[0]).toMatchObject({
      interviewsSynced: 4,
      complete: 3,
      screenedOut: 1,
      medianDurationSeconds: 900,
      refusals: 0,
      lastSync: "2026-01-04T00:00:00Z",
    });
    expect(rows[1]).toMatchObject({ interviewsSynced: 0, refusals: 1, medianDurationSeconds: null });
    expect(interviewSeconds({ startedAt: "2026-01-01T00:00:00Z", endedAt: "2026-01-01T00:10:00Z" })).toBe(
      600,
    );
    expect(interviewSeconds({ startedAt: "2026-01-01T00:10:00Z", endedAt: "2026-01-01T00:00:00Z" })).toBe(
      undefined,
    );
  });
});

describe("the app's own texts", () => {
  it("exist in every app language, and the browser's language picks one", () => {
    const keys = Object.keys(appMessages("en"));
    for (const language of appLanguages) {
      const messages = appMessages(language) as unknown as Record<string, string>;
      for (const key of keys) expect(messages[key], `${language}.${key}`).toMatch(/\S/);
      if (language !== "en") expect(messages.syncSignIn).not.toBe(appMessages("en").syncSignIn);
    }
    expect(defaultAppLanguage("pt-BR")).toBe("pt");
    expect(defaultAppLanguage("zh-Hans-CN")).toBe("zh-cn");
    expect(defaultAppLanguage("fr-FR")).toBe("en");
  });
});
