import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frameFromCsv } from "../src/stats/frameFromCsv.ts";
import { runSpec } from "../src/stats/runSpec.ts";

/** Reference outputs of R's survey package, made by test/fixtures/r/make-fixtures.R. */
const FIXTURES = join(import.meta.dirname, "fixtures", "r");
const RELATIVE = 1e-6;

interface Case {
  name: string;
  data: string;
  spec: unknown;
  expected: Record<string, unknown>;
}

const cases = JSON.parse(readFileSync(join(FIXTURES, "cases.json"), "utf8")) as Case[];
const frames = new Map<string, ReturnType<typeof frameFromCsv>>();

function frameOf(file: string) {
  let frame = frames.get(file);
  if (frame === undefined) {
    frame = frameFromCsv(readFileSync(join(FIXTURES, file), "utf8"));
    frames.set(file, frame);
  }
  return frame;
}

/**
 * Collects every mismatch between R's value and ours, with its JSON path. `floor` is an absolute
 * tolerance for quantities that are zero in exact arithmetic (the SE of a total the calibration
 * fixes), where both programs only report rounding residue.
 */
function compare(expected: unknown, actual: unknown, path: string, problems: string[], floor = 0): void {
  if (typeof expected === "number") {
    const ok =
      typeof actual === "number" &&
      Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + 1e-12 * (1 + Math.abs(expected)) + floor;
    if (!ok) problems.push(`${path}: R ${expected}, ours ${String(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      problems.push(`${path}: R has ${expected.length} entries, ours ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((value, index) => {
      compare(value, actual[index], `${path}[${index}]`, problems, floor);
    });
    return;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") {
      problems.push(`${path}: missing`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      compare(value, (actual as Record<string, unknown>)[key], `${path}.${key}`, problems, floor);
    }
    return;
  }
  if (expected !== actual)
    problems.push(`${path}: R ${JSON.stringify(expected)}, ours ${JSON.stringify(actual)}`);
}

type Row = { domain: unknown; level: unknown; statistic?: string };
const rowKey = (row: Row) => JSON.stringify([row.domain, row.level, row.statistic ?? null]);

describe("agreement with R's survey package (fixtures)", () => {
  it("has fixtures for every design, calibration, interval and test", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      const actual = runSpec(frameOf(testCase.data), testCase.spec) as unknown as Record<string, unknown>;
      const problems: string[] = [];
      const { estimates, ...header } = testCase.expected as { estimates: Array<Record<string, unknown>> };
      compare(header, actual, testCase.name, problems);
      const ours = new Map(
        (actual.estimates as Array<Record<string, unknown>>).map((estimate) => [estimate.id, estimate]),
      );
      for (const estimate of estimates) {
        const mine = ours.get(estimate.id);
        const path = `${testCase.name}.${String(estimate.id)}`;
        if (mine === undefined) {
          problems.push(`${path}: missing`);
          continue;
        }
        if (!Array.isArray(estimate.rows)) {
          compare(estimate, mine, path, problems);
          continue;
        }
        const myRows = new Map((mine.rows as Row[]).map((row) => [rowKey(row), row]));
        expect(myRows.size, `${path} row count`).toBe(estimate.rows.length);
        for (const row of estimate.rows as Array<Row & { estimate: number }>) {
          const floor = 1e-10 * Math.abs(row.estimate);
          compare(row, myRows.get(rowKey(row)), `${path}${rowKey(row)}`, problems, floor);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
