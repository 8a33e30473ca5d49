import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import { screenStoredStudy } from "../src/fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { openDatabase } from "../src/store/openDatabase.ts";
import { runParallax } from "./support/runParallax.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const root = join(import.meta.dirname, "..");
const demo = join(root, "examples/china-lac");

interface ShareRow {
  code: string;
  kind: "code" | "net";
  estimate: number;
  ci: [number, number];
}

let folder: string;
/** The demo study without its weighting.json: shares are then plain proportions of respondents. */
let unweighted: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "parallax-code-db-"));
  unweighted = join(folder, "study");
  await cp(demo, unweighted, { recursive: true });
  await rm(join(unweighted, "weighting.json"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`parallax code --db and parallax keywords on ${dialect}`, () => {
    let database: TestDatabase;
    let validLac: Set<string>;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const study = await readStudyFolder(demo);
      const quality = await readQualityConfig(demo);
      const simulation = simulateFieldwork(study, {
        seed: 11,
        n: { china: 120, lac: 200 },
        faults: defaultFaultShares,
        exact: true,
        quality,
      });
      const store = await openDatabase(database.url);
      try {
        await loadSimulatedFieldwork(store.db, study, simulation);
        const screen = await screenStoredStudy(store.db, study, quality);
        validLac = new Set(screen.valid.filter((row) => row.population === "lac").map((row) => row.id));
      } finally {
        await store.close();
      }
    }, 120_000);

    afterAll(async () => {
      await database?.drop();
    });

    async function mentions(): Promise<Array<{ response_id: string; code: string; coded_at: string }>> {
      const store = await openDatabase(database.url);
      try {
        return await store.db
          .selectFrom("coded_mentions")
          .select(["response_id", "code", "coded_at"])
          .where("question", "=", "keywords")
          .where("population_id", "=", "lac")
          .execute();
      } finally {
        await store.close();
      }
    }

    it("codes the valid responses, keeps their mentions and gives weighted shares with intervals", async () => {
      const target = ["--study", demo, "--question", "keywords", "--population", "lac", "--db", database.url];
      const result = await runParallax(["code", ...target, "--json"]);
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout);
      expect(output.responses).toBe(validLac.size);
      expect(output.uncodedShare).toBeGreaterThanOrEqual(0);
      expect(output.uncodedShare).toBeLessThan(0.2);
      expect(result.stderr).toMatch(/Uncoded \(other\): \d+ of \d+ answers/);
      const rows = await mentions();
      expect(rows).toHaveLength(output.mentionsKept);
      const coded = new Set(rows.map((row) => row.response_id));
      expect(coded.size).toBe(output.answers);
      for (const id of coded) expect(validLac.has(id)).toBe(true);
      const [lac] = output.populations;
      expect(lac).toMatchObject({ population: "lac", weighted: true, answered: output.answers });
      expect(lac.weighting).toContain("weighted to the study's margins");
      expect(lac.sites.map((site: { site: string }) => site.site).sort()).toEqual([
        "ar",
        "br",
        "cl",
        "cu",
        "mx",
        "pa",
      ]);
      const technology = lac.shares.find((row: ShareRow) => row.code === "technology");
      expect(technology.estimate).toBeGreaterThan(0.1);
      expect(technology.ci[0]).toBeLessThan(technology.estimate);
      expect(technology.ci[1]).toBeGreaterThan(technology.estimate);

      // A second run replaces the question's mentions: a stale row disappears, the count stays.
      const store = await openDatabase(database.url);
      try {
        await store.db
          .insertInto("coded_mentions")
          .values({
            study_id: "china-lac",
            population_id: "lac",
            response_id: rows[0].response_id,
            question: "keywords",
            code: "stale_code",
            coded_at: "2000-01-01T00:00:00.000Z",
          })
          .execute();
      } finally {
        await store.close();
      }
      const again = await runParallax(["code", ...target, "--json"]);
      expect(again.code).toBe(0);
      const after = await mentions();
      expect(after).toHaveLength(rows.length);
      expect(after.some((row) => row.code === "stale_code")).toBe(false);
      expect(after.every((row) => row.coded_at > rows[0].coded_at)).toBe(true);
    }, 120_000);

    it("without a weighting, gives each code's share of respondents who answered, and says so", async () => {
      const result = await runParallax([
        "code",
        ...[
          "--study",
          unweighted,
          "--question",
          "keywords",
          "--population",
          "lac",
          "--db",
          database.url,
          "--json",
        ],
      ]);
      expect(result.code).toBe(0);
      const [lac] = JSON.parse(result.stdout).populations;
      expect(lac.weighted).toBe(false);
      expect(lac.weighting).toContain("unweighted");
      const rows = await mentions();
      const answered = new Set(rows.map((row) => row.response_id)).size;
      for (const code of ["technology", "economy", "culture"]) {
        const mentioning = rows.filter((row) => row.code === code).length;
        expect(lac.shares.find((row: ShareRow) => row.code === code).estimate).toBeCloseTo(
          mentioning / answered,
          12,
        );
      }
      const text = await runParallax([
        "code",
        "--study",
        unweighted,
        "--question",
        "keywords",
        "--population",
        "lac",
        "--db",
        database.url,
      ]);
      expect(text.stdout).toContain("lac: ");
      expect(text.stdout).toContain("unweighted: the study has no weighting for this population");
      expect(text.stdout).toMatch(/technology\s+\d+\.\d%\s+\[\d+\.\d%, \d+\.\d%\]\s+Technology/);
    }, 120_000);

    it("ranks the codes of each population, with distinctive terms and a chart", async () => {
      const chart = join(folder, `keywords-${dialect}.svg`);
      const result = await runParallax([
        "keywords",
        ...[
          "--study",
          demo,
          "--question",
          "keywords",
          "--db",
          database.url,
          "--lang",
          "es",
          "--out",
          chart,
          "--json",
        ],
      ]);
      expect(result.code).toBe(0);
      // china's answers were never coded with --db: they are coded on the fly, and the user is told.
      expect(result.stderr).toMatch(/\d+ answers had no stored coding and were coded now/);
      const output = JSON.parse(result.stdout);
      expect(output.populations.map((population: { population: string }) => population.population)).toEqual([
        "china",
        "lac",
      ]);
      for (const population of output.populations) {
        const shares = population.codes.map((row: ShareRow) => row.estimate);
        expect(shares).toEqual([...shares].sort((a, b) => b - a));
      }
      // The article's leading keywords lead here too (a small simulated sample: among the first three).
      const top = (index: number) =>
        output.populations[index].codes.slice(0, 3).map((row: ShareRow) => row.code);
      expect(top(0)).toContain("football");
      expect(top(1)).toContain("technology");
      expect(output.distinctiveTerms.by).toBe("population");
      expect(output.distinctiveTerms.groups.china[0].z).toBeGreaterThan(1.96);
      expect(output.distinctiveTerms.groups.lac.length).toBeGreaterThan(0);
      const svg = await readFile(chart, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain("Fútbol");
      expect(svg).toContain("Tecnología");
    }, 120_000);
  });
}
