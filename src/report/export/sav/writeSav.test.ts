import { describe, expect, it } from "vitest";
import { type SavFile, writeSav } from "./writeSav.ts";

const decoder = new TextDecoder();

interface VariableRecord {
  width: number;
  shortName: string;
  label?: string;
  missing: number[];
  format: number;
}

/** Walks a system file's records the way a reader does, so a wrong size anywhere derails the walk. */
function readBack(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number, length: number) => decoder.decode(bytes.subarray(at, at + length));
  const header = {
    magic: text(0, 4),
    layout: view.getInt32(64, true),
    caseSize: view.getInt32(68, true),
    compression: view.getInt32(72, true),
    weightIndex: view.getInt32(76, true),
    cases: view.getInt32(80, true),
    bias: view.getFloat64(84, true),
    fileLabel: text(109, 64).trimEnd(),
  };
  let at = 176;
  const int = () => {
    at += 4;
    return view.getInt32(at - 4, true);
  };
  const variables: VariableRecord[] = [];
  const valueLabels: Array<{ labels: Array<[number, string]>; variables: number[] }> = [];
  const extensions = new Map<number, Uint8Array>();
  let documents: string[] = [];
  for (let type = int(); type !== 999; type = int()) {
    if (type === 2) {
      const [width, hasLabel, missingCount, format] = [int(), int(), int(), int()];
      int();
      const shortName = text(at, 8).trimEnd();
      at += 8;
      let label: string | undefined;
      if (hasLabel) {
        const length = int();
        label = text(at, length);
        at += Math.ceil(length / 4) * 4;
      }
      const missing = Array.from({ length: missingCount }, (_, index) =>
        view.getFloat64(at + 8 * index, true),
      );
      at += 8 * missingCount;
      variables.push({ width, shortName, label, missing, format });
    } else if (type === 3) {
      const labels: Array<[number, string]> = [];
      for (let count = int(); count > 0; count--) {
        const value = view.getFloat64(at, true);
        const length = bytes[at + 8];
        labels.push([value, text(at + 9, length)]);
        at += 8 + Math.ceil((length + 1) / 8) * 8;
      }
      expect(int()).toBe(4);
      const indexes = Array.from({ length: int() }, () => int());
      valueLabels.push({ labels, variables: indexes });
    } else if (type === 6) {
      documents = Array.from({ length: int() }, (_, line) => text(at + line * 80, 80).trimEnd());
      at += documents.length * 80;
    } else if (type === 7) {
      const [subtype, size, count] = [int(), int(), int()];
      extensions.set(subtype, bytes.subarray(at, at + size * count));
      at += size * count;
    } else throw new Error(`unexpected record type ${type} at ${at - 4}`);
  }
  expect(int()).toBe(0);
  return { header, variables, valueLabels, extensions, documents, dataStart: at };
}

const file: SavFile = {
  variables: [
    { name: "age", label: "¿Cuántos años tiene?", kind: "numeric", missingValues: [-9, 999] },
    {
      name: "country",
      kind: "numeric",
      valueLabels: [
        [1, "Argentina"],
        [2, "México"],
      ],
    },
    { name: "words.first_answer", label: "Palabras", kind: "string", width: 20 },
    { name: "weight", kind: "numeric", decimals: 2 },
  ],
  rows: [
    [30, 2, "fútbol y café", 1.5],
    [null, 1, null, 0.5],
  ],
  weight: "weight",
  fileLabel: "Estudio",
  documents: ["country: 1=ar"],
  createdAt: new Date("2025-05-02T10:04:30Z"),
};

describe("writeSav", () => {
  const { bytes, warnings } = writeSav(file);
  const back = readBack(bytes);

  it("writes the header: layout 2, uncompressed, bias 100, case size in 8-byte segments, weight index", () => {
    expect(back.header).toEqual({
      magic: "$FL2",
      layout: 2,
      caseSize: 1 + 1 + 3 + 1,
      compression: 0,
      // The weight's first segment: age, country, three segments of words, then weight.
      weightIndex: 6,
      cases: 2,
      bias: 100,
      fileLabel: "Estudio",
    });
    expect(decoder.decode(bytes.subarray(92, 109))).toBe("02 MAY 2510:04:30");
    expect(warnings).toEqual([]);
  });

  it("writes a variable record per variable, continuations for long strings, and F/A formats", () => {
    expect(back.variables.map((variable) => variable.width)).toEqual([0, 0, 20, -1, -1, 0]);
    expect(back.variables[0]).toMatchObject({
      shortName: "AGE",
      label: "¿Cuántos años tiene?",
      missing: [-9, 999],
    });
    expect(back.variables[0].format).toBe((5 << 16) | (8 << 8));
    expect(back.variables[2]).toMatchObject({ shortName: "WORDSFIR", format: (1 << 16) | (20 << 8) });
    expect(back.variables[5].format).toBe((5 << 16) | (8 << 8) | 2);
  });

  it("writes value labels for the variable's dictionary index and the documents", () => {
    expect(back.valueLabels).toEqual([
      {
        labels: [
          [1, "Argentina"],
          [2, "México"],
        ],
        variables: [2],
      },
    ]);
    expect(back.documents).toEqual(["country: 1=ar"]);
  });

  it("writes machine info, long names and the UTF-8 encoding records", () => {
    const integers = new Int32Array(back.extensions.get(3)?.slice().buffer ?? new ArrayBuffer(0));
    expect([...integers].slice(4)).toEqual([1, 1, 2, 65001]);
    const floats = new Float64Array(back.extensions.get(4)?.slice().buffer ?? new ArrayBuffer(0));
    expect(floats[0]).toBe(-Number.MAX_VALUE);
    expect(decoder.decode(back.extensions.get(13))).toBe(
      "AGE=age\tCOUNTRY=country\tWORDSFIR=words.first_answer\tWEIGHT=weight",
    );
    expect(decoder.decode(back.extensions.get(20))).toBe("UTF-8");
    expect(back.extensions.get(11)?.length).toBe(4 * 3 * 4);
  });

  it("writes cases uncompressed: doubles, system-missing, space-padded strings", () => {
    const data = bytes.subarray(back.dataStart);
    expect(data.length).toBe(2 * 6 * 8);
    const view = new DataView(data.buffer, data.byteOffset);
    expect(view.getFloat64(0, true)).toBe(30);
    expect(decoder.decode(data.subarray(16, 40))).toBe("fútbol y café".padEnd(22, " "));
    expect(view.getFloat64(48 + 0, true)).toBe(-Number.MAX_VALUE);
    expect(view.getFloat64(48 + 40, true)).toBe(0.5);
  });

  it("cuts strings over 255 bytes to 255 with a warning, at a character boundary", () => {
    const long = "ñ".repeat(200);
    const result = writeSav({
      variables: [{ name: "story", kind: "string", width: 400 }],
      rows: [[long]],
    });
    expect(result.warnings).toEqual(["story: text longer than 255 bytes is cut to 255"]);
    const cut = readBack(result.bytes);
    expect(cut.variables[0].width).toBe(255);
    const data = result.bytes.subarray(cut.dataStart);
    expect(data.length).toBe(256);
    expect(decoder.decode(data).trimEnd()).toBe("ñ".repeat(127));
  });

  it("refuses a weight that is not a numeric variable", () => {
    expect(() => writeSav({ ...file, weight: "words.first_answer" })).toThrow(/not a numeric variable/);
  });
});
