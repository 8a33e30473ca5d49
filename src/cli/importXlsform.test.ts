import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ParallaxError } from "../errors.ts";
import { runImportXlsform } from "./importXlsform.ts";

const fixture = (name: string) =>
  new URL(`../../../shared/fixtures/xlsform/${name}`, import.meta.url).pathname;

/** Runs the command, collecting what it writes to stdout and stderr. */
async function capture(run: () => Promise<void>): Promise<{ stdout: string; stderr: string }> {
  const written = { stdout: "", stderr: "" };
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.stdout += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.stderr += String(chunk);
    return true;
  });
  try {
    await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return written;
}

describe("parallax import xlsform", () => {
  it("writes the SurveyJS JSON to --out and a summary to stderr", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xlsform-")), "form.json");
    const written = await capture(() => runImportXlsform(fixture("example_xls__group.xlsx"), { out }));
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.pages[0].elements.map((element: { name: string }) => element.name)).toEqual([
      "family_name",
      "father",
    ]);
    expect(written.stdout).toBe("");
    expect(written.stderr).toContain("3 questions");
  });

  it("prints warnings to stderr and the JSON to stdout without --out", async () => {
    const written = await capture(() =>
      runImportXlsform(fixture("bug_example_xls__ODKValidateWarnings.xlsx"), {}),
    );
    expect(JSON.parse(written.stdout).pages).toHaveLength(1);
    expect(written.stderr).toContain("warning: survey!D2:");
  });

  it("fails with ParallaxError for a missing file and for a file that is no workbook", async () => {
    await expect(runImportXlsform("/no/such/form.xlsx", {})).rejects.toMatchObject({
      code: "FILE_UNREADABLE",
    });
    await expect(runImportXlsform(fixture("SOURCE.md"), {})).rejects.toBeInstanceOf(ParallaxError);
    await expect(runImportXlsform(fixture("SOURCE.md"), {})).rejects.toMatchObject({
      code: "XLSFORM_INVALID",
    });
  });
});
