import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openDatabase } from "../src/store/openDatabase.ts";
import { studyRepository } from "../src/store/studyRepository.ts";
import { runParallax } from "./support/runParallax.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const parallax = (...args: string[]) => runParallax(args);

interface Invitation {
  id: string;
  site: string;
  mode: string;
  disposition: string;
  /** Statuses of the responses answering it. */
  answers?: string[];
}

/**
 * Site ar (web): I = 5 (inv-1..4, and inv-6 whose break-off was followed by a complete), P = 1 (inv-5: partial
 * then break-off), R = 1, NC = 1, O = 1, UH = 2 (pending), NE = 1 (screened out).
 * Site mx (f2f): I = 1, NE = 1 (quota full), UH = 1. inv-16 has an outcome with no AAPOR reading.
 * Open link: 3 completes, 1 break-off, 1 screened out — an opt-in sample.
 */
const invitations: Invitation[] = [
  ...[1, 2, 3, 4].map((n) => ({
    id: `inv-${n}`,
    site: "ar",
    mode: "web",
    disposition: "pending",
    answers: ["complete"],
  })),
  { id: "inv-5", site: "ar", mode: "web", disposition: "pending", answers: ["partial", "break_off"] },
  { id: "inv-6", site: "ar", mode: "web", disposition: "pending", answers: ["break_off", "complete"] },
  { id: "inv-7", site: "ar", mode: "web", disposition: "pending", answers: ["screened_out"] },
  { id: "inv-8", site: "ar", mode: "web", disposition: "refusal" },
  { id: "inv-9", site: "ar", mode: "web", disposition: "non_contact" },
  { id: "inv-10", site: "ar", mode: "web", disposition: "pending" },
  { id: "inv-11", site: "ar", mode: "web", disposition: "pending" },
  { id: "inv-12", site: "ar", mode: "web", disposition: "other_non_interview" },
  { id: "inv-13", site: "mx", mode: "f2f", disposition: "pending", answers: ["complete"] },
  { id: "inv-14", site: "mx", mode: "f2f", disposition: "pending", answers: ["quota_full"] },
  { id: "inv-15", site: "mx", mode: "f2f", disposition: "pending" },
  { id: "inv-16", site: "mx", mode: "f2f", disposition: "lost_in_the_post" },
];
const openStatuses = ["complete", "complete", "complete", "break_off", "screened_out"];

async function seed(url: string): Promise<void> {
  const store = await openDatabase(url);
  try {
    await studyRepository(store.db).save(await readStudyFolder("test/fixtures/studies/mini"));
    const at = "2025-05-02T10:00:00.000Z";
    const response = (
      id: string,
      status: string,
      site: string,
      mode: string,
      invitationId: string | null,
    ) => ({
      id,
      study_id: "mini",
      population_id: "adults",
      questionnaire_version: "v",
      site_id: site,
      language: "es",
      mode,
      status,
      answers: "{}",
      paradata: "{}",
      user_agent: null,
      body_hash: id,
      received_at: at,
      invitation_id: invitationId,
    });
    for (const invitation of invitations) {
      await store.db
        .insertInto("invitations")
        .values({
          id: invitation.id,
          study_id: "mini",
          population_id: "adults",
          site_id: invitation.site,
          language: "es",
          mode: invitation.mode,
          token_hash: `hash-${invitation.id}`,
          disposition: invitation.disposition,
          response_id: null,
          personal_data_id: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const [index, status] of (invitation.answers ?? []).entries()) {
        // inv-1 answered from the other country: it still counts where it was sampled.
        const site = invitation.id === "inv-1" ? "mx" : invitation.site;
        await store.db
          .insertInto("responses")
          .values(response(`${invitation.id}-r${index}`, status, site, invitation.mode, invitation.id))
          .execute();
      }
    }
    for (const [index, status] of openStatuses.entries()) {
      await store.db
        .insertInto("responses")
        .values(response(`open-${index}`, status, "mx", "web", null))
        .execute();
    }
  } finally {
    await store.close();
  }
}

interface Report {
  by: string;
  groups: Array<{
    populationId: string;
    siteId?: string | null;
    invited: {
      counts: Record<string, number>;
      cases: number;
      e: { value: number | null; source: string };
      rates: Record<string, { value: number | null }>;
    };
    optIn: { counts: Record<string, number>; completionRate: { value: number }; notApplicable: string[] };
  }>;
  optInNote: string;
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`parallax rates on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await seed(database.url);
    });
    afterAll(async () => database.drop());

    it("computes every rate per population from invitations, opt-in cases apart", async () => {
      const { code, stdout, stderr } = await parallax(
        "rates",
        "--study",
        "mini",
        "--json",
        "--db",
        database.url,
      );
      expect(code).toBe(0);
      expect(stderr).toContain('"lost_in_the_post", which has no AAPOR disposition');
      const report = JSON.parse(stdout) as Report;
      expect(report.groups).toHaveLength(1);
      const { invited, optIn } = report.groups[0];
      expect(invited.counts).toEqual({ I: 6, P: 1, R: 1, NC: 1, O: 1, UH: 3, UO: 0, NE: 2 });
      expect(invited.cases).toBe(15);
      const rate = (name: string) => invited.rates[name].value as number;
      // RR1 = I / ((I+P) + (R+NC+O) + (UH+UO)) = 6 / (7 + 3 + 3)
      expect(rate("RR1")).toBeCloseTo(6 / 13, 12);
      expect(rate("RR2")).toBeCloseTo(7 / 13, 12);
      // e = (I+P+R+NC+O) / (... + NE) = 10 / 12; RR3 = 6 / (10 + 3·10/12) = 6 / 12.5
      expect(invited.e).toEqual({
        value: 10 / 12,
        source: "estimated",
        formula: "(I+P+R+NC+O) / (I+P+R+NC+O+NE)",
      });
      expect(rate("RR3")).toBeCloseTo(0.48, 12);
      expect(rate("RR5")).toBeCloseTo(6 / 10, 12);
      expect(rate("COOP1")).toBeCloseTo(6 / 9, 12); // I / ((I+P) + R + O)
      expect(rate("COOP4")).toBeCloseTo(7 / 8, 12); // (I+P) / ((I+P) + R)
      expect(rate("REF1")).toBeCloseTo(1 / 13, 12);
      expect(rate("CON1")).toBeCloseTo(9 / 13, 12); // ((I+P)+R+O) / (... + NC + (UH+UO))
      expect(rate("CON3")).toBeCloseTo(9 / 10, 12);
      expect(optIn.counts).toMatchObject({ I: 3, R: 1, NE: 1 });
      expect(optIn.completionRate.value).toBeCloseTo(3 / 4, 12);
      expect(optIn.notApplicable).toContain("RR1");
      expect(report.optInNote).toMatch(/response rates should not be reported for opt-in samples/);
    });

    it("takes e when given, and groups by site where each invitation was sampled", async () => {
      const given = JSON.parse(
        (await parallax("rates", "--study", "mini", "--json", "--e", "0.5", "--db", database.url)).stdout,
      ) as Report;
      expect(given.groups[0].invited.rates.RR3.value).toBeCloseTo(6 / 11.5, 12);
      const bySite = JSON.parse(
        (await parallax("rates", "--study", "mini", "--by", "site", "--json", "--db", database.url)).stdout,
      ) as Report;
      const [ar, mx] = bySite.groups;
      expect([ar.siteId, mx.siteId]).toEqual(["ar", "mx"]);
      expect(ar.invited.counts).toEqual({ I: 5, P: 1, R: 1, NC: 1, O: 1, UH: 2, UO: 0, NE: 1 });
      expect(ar.invited.rates.RR1.value).toBeCloseTo(5 / 11, 12);
      expect(ar.invited.rates.RR3.value).toBeCloseTo(5 / (9 + 2 * 0.9), 12); // e = 9/10
      expect(mx.invited.rates.RR1.value).toBeCloseTo(1 / 2, 12);
      expect(mx.invited.rates.RR3.value).toBeCloseTo(2 / 3, 12); // e = 1/2: 1 / (1 + 0.5)
      expect(mx.optIn.counts.I).toBe(3);
    });

    it("prints an aligned table that says which rates do not apply to opt-in samples", async () => {
      const { code, stdout } = await parallax(
        "rates",
        "--study",
        "mini",
        "--by",
        "site",
        "--db",
        database.url,
      );
      expect(code).toBe(0);
      expect(stdout).toMatch(/adults\/ar\s+5\s+1\s+1\s+1\s+1\s+2\s+0\s+1\s+12\s+0\.9000/);
      expect(stdout).toMatch(/adults\/mx\s+50\.0%/);
      expect(stdout).toContain(
        "Not applicable to opt-in samples: RR1–RR6, COOP1–COOP4, REF1–REF3, CON1–CON3",
      );
    });

    it("names an unknown study and a bad e", async () => {
      const unknown = await parallax("rates", "--study", "nothing", "--db", database.url);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('error STUDY_NOT_FOUND: No study "nothing"');
      const badE = await parallax("rates", "--study", "mini", "--e", "2", "--db", database.url);
      expect(badE.code).toBe(2);
      expect(badE.stderr).toContain("--e: must be a number between 0 and 1");
    });
  });
}
