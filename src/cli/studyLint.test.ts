import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixtures = "test/fixtures/studies";

/** Runs the real command line, as a user would, and keeps the exit code instead of throwing on it. */
async function parallax(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", ["bin/parallax.js", ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("parallax study lint", () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "parallax-lint-"));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("exits 0 on a clean study and says so", async () => {
    const result = await parallax("study", "lint", `${fixtures}/clean`);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(`${fixtures}/clean: no problems\n`);
  });

  it("exits 1 on a broken study, naming severity, file and JSON path of each problem", async () => {
    const result = await parallax("study", "lint", `${fixtures}/broken`);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      'error study.json $.title: missing "zh-cn"',
      'warning study.json $.populations[1].screenOutMessage: has "pt", which is not a language of population lac',
      'error study.json $.concepts[1].questions[0]: choice "partners" of china.json relation has no counterpart in lac',
      'error study.json $.concepts[1].questions[1]: choice "socios" of lac.json relacion has no counterpart in china',
      'error lac.json $.pages[1].elements[1].choices[1].text: missing "es"',
      'error lac.json $.pages[1].elements[2].name: duplicate question or panel name "age" (first at $.pages[0].elements[0].name)',
      'error lac.json $.pages[1].elements[0].visibleIf: expression "{edad} >= 18" names unknown question {edad}',
      `${fixtures}/broken: 6 errors, 1 warning`,
    ]);
  });

  it("prints the same problems as JSON with --json", async () => {
    const result = await parallax("study", "lint", `${fixtures}/broken`, "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ errors: 6, warnings: 1 });
    expect(report.problems[4]).toEqual({
      severity: "error",
      file: "lac.json",
      path: "$.pages[1].elements[1].choices[1].text",
      message: 'missing "es"',
      rule: "translation",
    });
  });

  it("reports a study.json of the wrong shape as problems, not a stack trace", async () => {
    const folder = join(scratch, "shape");
    await run("cp", ["-r", `${fixtures}/clean`, folder]);
    await writeFile(join(folder, "study.json"), JSON.stringify({ id: "x", title: {}, languages: "en" }));
    const result = await parallax("study", "lint", folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "error study.json $.languages: study.json does not describe a study: must be an array",
    );
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a questionnaire that is not JSON, or is missing, with its file", async () => {
    const folder = join(scratch, "syntax");
    await run("cp", ["-r", `${fixtures}/clean`, folder]);
    await writeFile(join(folder, "lac.json"), '{\n  "pages": [\n    oops\n  ]\n}\n');
    const broken = await parallax("study", "lint", folder);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^error lac\.json \$: lac\.json is not valid JSON: line 3, column 5: /);
    await rm(join(folder, "lac.json"));
    const missing = await parallax("study", "lint", folder);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("error lac.json $: Cannot read lac.json: no such file");
    expect(missing.stdout + missing.stderr).not.toMatch(/\n\s+at /);
  });
});
