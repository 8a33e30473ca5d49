import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import type { CategoricalColumn, NumericColumn } from "./frame.ts";
import { frameFromCsv } from "./frameFromCsv.ts";

const numeric = (frame: ReturnType<typeof frameFromCsv>, name: string) =>
  frame.columns.get(name) as NumericColumn;
const categorical = (frame: ReturnType<typeof frameFromCsv>, name: string) =>
  frame.columns.get(name) as CategoricalColumn;

describe("frameFromCsv", () => {
  it("reads numbers and categories, with empty fields missing", () => {
    const frame = frameFromCsv("id,score,country\n1,2.5,CN\n2,,BR\n3,-1e3,\n");
    expect(frame.n).toBe(3);
    expect([...numeric(frame, "score").values]).toEqual([2.5, Number.NaN, -1000]);
    expect(categorical(frame, "country").levels).toEqual(["BR", "CN"]);
    expect([...categorical(frame, "country").codes]).toEqual([1, 0, -1]);
  });

  it("handles quotes, doubled quotes, CRLF, a BOM and UTF-8 levels", () => {
    const frame = frameFromCsv('\uFEFFname,"city, country",n\r\n"a ""b""",拉美,"7"\r\nc,北京,8\r\n');
    expect(categorical(frame, "name").levels).toEqual(['a "b"', "c"]);
    expect(categorical(frame, "city, country").levels).toEqual(["北京", "拉美"]);
    expect([...numeric(frame, "n").values]).toEqual([7, 8]);
  });

  it("turns a column into categories when a later value is not a number", () => {
    const frame = frameFromCsv("code\n10\n9\nx9\n");
    expect(categorical(frame, "code").levels).toEqual(["9", "10", "x9"]);
    expect([...categorical(frame, "code").codes]).toEqual([1, 0, 2]);
  });

  it("parses decimals exactly as Number does", () => {
    const frame = frameFromCsv("x\n0.1\n662.287363159321\n123456789012345678\n.5\n");
    expect([...numeric(frame, "x").values]).toEqual([
      0.1,
      662.287363159321,
      Number("123456789012345678"),
      0.5,
    ]);
  });

  it("rejects a row with the wrong number of fields, naming the line", () => {
    try {
      frameFromCsv("a,b\n1,2\n3\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParallaxError);
      expect((error as ParallaxError).code).toBe("CSV_INVALID");
      expect((error as ParallaxError).details[0].path).toBe("line 3");
    }
  });
});
