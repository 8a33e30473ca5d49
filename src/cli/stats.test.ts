import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./main.ts";

const API_STRAT = join(import.meta.dirname, "..", "..", "test", "fixtures", "r", "apistrat.csv");
const LONELY = join(import.meta.dirname, "..", "..", "test", "fixtures", "r", "lonely.csv");
const folder = mkdtempSync(join(tmpdir(), "parallax-stats-cli-"));

function specFile(name: string, spec: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof spec === "string" ? spec : JSON.stringify(spec));
  return path;
}

async function run(data: string, spec: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(["node", "parallax", "stats", "--data", data, "--spec", spec]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("parallax stats", () => {
  it("prints the estimates as JSON on stdout", async () => {
    const spec = specFile("ok.json", {
      design: { weights: "pw", strata: "stype", fpc: ["fpc"] },
      estimates: [
        { id: "m1", type: "mean", variable: "api00", deff: true },
        { id: "p1", type: "proportion", variable: "sch.wide", ci: "logit" },
        { id: "x1", type: "chisq", rows: "sch.wide", cols: "stype" },
      ],
    });
    const { code, stdout, stderr } = await run(API_STRAT, spec);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.n).toBe(200);
    expect(output.degf).toBe(197);
    expect(output.estimates[0].rows[0].estimate).toBeCloseTo(662.2874, 3);
    expect(output.estimates[0].rows[0].se).toBeCloseTo(9.4089, 3);
    expect(output.estimates[1].rows.map((row: { level: string }) => row.level)).toEqual(["No", "Yes"]);
    expect(output.estimates[2].statistic).toBe("F");
  });

  const failures: Array<[string, unknown, string, string, string]> = [
    [
      "a missing column",
      { design: { strata: "nope" }, estimates: [] },
      API_STRAT,
      "SPEC_INVALID",
      "design.strata",
    ],
    [
      "margin levels that do not match the data",
      {
        design: { weights: "pw" },
        calibrate: { method: "rake", margins: [{ variable: "stype", targets: { E: 1, H: 1, X: 1 } }] },
        estimates: [],
      },
      API_STRAT,
      "SPEC_INVALID",
      "calibrate.margins[0].targets",
    ],
    [
      "a lonely PSU under fail",
      { design: { ids: ["dnum"], strata: "grp", weights: "pw" }, estimates: [] },
      LONELY,
      "DESIGN_INVALID",
      "design.strata",
    ],
    [
      "an unknown estimate type",
      { design: {}, estimates: [{ id: "a", type: "median", variable: "x" }] },
      API_STRAT,
      "SPEC_INVALID",
      "estimates[0].type",
    ],
    ["a spec that is not JSON", "{ design", API_STRAT, "SPEC_INVALID", "ok"],
  ];

  for (const [name, spec, data, code, path] of failures) {
    it(`exits 2 naming the key for ${name}`, async () => {
      const result = await run(data, specFile(`${code}-${path}.json`, spec));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(code);
      if (path !== "ok") expect(result.stderr).toContain(path);
    });
  }
});
