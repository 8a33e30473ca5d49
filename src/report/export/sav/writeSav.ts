import { ByteWriter, utf8Truncated } from "./byteWriter.ts";
import { shortName } from "./savNames.ts";

export interface SavVariable {
  /** The long name (subtype 13 record); must already be a valid, unique SPSS name (see spssName). */
  name: string;
  label?: string;
  /** "numeric" or a string of `width` bytes (1..255; longer ones are cut to 255 with a warning). */
  kind: "numeric" | "string";
  width?: number;
  /** Decimals of the numeric F8.d format. */
  decimals?: number;
  valueLabels?: Array<[number, string]>;
  /** Up to three discrete user-missing values of a numeric variable. */
  missingValues?: number[];
  /** Measurement level; by default nominal for strings, scale for numbers. */
  measure?: "nominal" | "ordinal" | "scale";
}

export interface SavFile {
  variables: SavVariable[];
  /** One row per case, one value per variable; null is system-missing (numeric) or blank (string). */
  rows: Array<Array<string | number | null>>;
  /** Name of a numeric variable that weights the cases. */
  weight?: string;
  fileLabel?: string;
  /** Lines for the document record (type 6), each cut to 80 bytes. */
  documents?: string[];
  createdAt?: Date;
}

export interface SavResult {
  bytes: Uint8Array;
  warnings: string[];
}

const maxStringWidth = 255;
const sysmis = -Number.MAX_VALUE;
// LOWEST (for the LO of missing ranges) is the double just above -DBL_MAX, bits 0xffeffffffffffffe.
const lowest = -Number.MAX_VALUE + 2 ** 971;
const formatF = 5;
const formatA = 1;
const months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

interface Laid {
  variable: SavVariable;
  short: string;
  /** 0 for numeric, else the string width in bytes. */
  width: number;
  segments: number;
  /** 1-based position of the variable's first 8-byte segment, as records 4 and the weight index count. */
  index: number;
}

function layOut(variables: SavVariable[], warnings: string[]): Laid[] {
  const shortNames = new Set<string>();
  let index = 1;
  return variables.map((variable) => {
    let width = 0;
    if (variable.kind === "string") {
      width = Math.max(1, Math.ceil(variable.width ?? 1));
      if (width > maxStringWidth) {
        warnings.push(
          `${variable.name}: text longer than ${maxStringWidth} bytes is cut to ${maxStringWidth}`,
        );
        width = maxStringWidth;
      }
    }
    const segments = width === 0 ? 1 : Math.ceil(width / 8);
    const laid = { variable, short: shortName(variable.name, shortNames), width, segments, index };
    index += segments;
    return laid;
  });
}

const packFormat = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

function writeHeader(out: ByteWriter, file: SavFile, laid: Laid[], weightIndex: number): void {
  const date = file.createdAt ?? new Date();
  out.padded("$FL2", 4);
  out.padded("@(#) SPSS DATA FILE Parallax", 60);
  out.int32(2);
  out.int32(laid.reduce((sum, variable) => sum + variable.segments, 0));
  out.int32(0); // uncompressed
  out.int32(weightIndex);
  out.int32(file.rows.length);
  out.float64(100);
  out.padded(
    `${twoDigits(date.getUTCDate())} ${months[date.getUTCMonth()]} ${twoDigits(date.getUTCFullYear() % 100)}`,
    9,
  );
  out.padded(
    `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`,
    8,
  );
  out.padded(file.fileLabel ?? "", 64);
  out.spaces(3);
}

function writeVariable(out: ByteWriter, { variable, short, width, segments }: Laid): void {
  const missing = variable.kind === "numeric" ? (variable.missingValues ?? []).slice(0, 3) : [];
  const format = width === 0 ? packFormat(formatF, 8, variable.decimals ?? 0) : packFormat(formatA, width, 0);
  out
    .int32(2)
    .int32(width)
    .int32(variable.label ? 1 : 0)
    .int32(missing.length);
  out.int32(format).int32(format);
  out.padded(short, 8);
  if (variable.label) {
    const label = utf8Truncated(variable.label, 255);
    out
      .int32(label.length)
      .bytes(label)
      .spaces((4 - (label.length % 4)) % 4);
  }
  for (const value of missing) out.float64(value);
  for (let extra = 1; extra < segments; extra++) {
    out.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).spaces(8);
  }
}

function writeValueLabels(out: ByteWriter, { variable, index }: Laid): void {
  const labels = variable.valueLabels ?? [];
  if (variable.kind !== "numeric" || labels.length === 0) return;
  out.int32(3).int32(labels.length);
  for (const [value, text] of labels) {
    const label = utf8Truncated(text, 255);
    out.float64(value).bytes(Uint8Array.of(label.length)).bytes(label);
    out.spaces((8 - ((label.length + 1) % 8)) % 8);
  }
  out.int32(4).int32(1).int32(index);
}

function writeDocuments(out: ByteWriter, lines: string[]): void {
  if (lines.length === 0) return;
  out.int32(6).int32(lines.length);
  for (const line of lines) out.padded(line, 80);
}

function writeExtension(out: ByteWriter, subtype: number, size: number, data: Uint8Array | number[]): void {
  out.int32(7).int32(subtype).int32(size).int32(data.length);
  if (data instanceof Uint8Array) out.bytes(data);
  else for (const value of data) size === 4 ? out.int32(value) : out.float64(value);
}

const measureCodes = { nominal: 1, ordinal: 2, scale: 3 };

/** Subtype 11: measurement level, display width in columns and alignment (left 0, right 1) per variable. */
function displayParameters(laid: Laid[]): number[] {
  return laid.flatMap(({ variable, width }) => [
    measureCodes[variable.measure ?? (width === 0 ? "scale" : "nominal")],
    width === 0 ? 8 : Math.min(Math.max(width, 8), 40),
    width === 0 ? 1 : 0,
  ]);
}

function writeCase(out: ByteWriter, laid: Laid[], row: Array<string | number | null>): void {
  laid.forEach(({ width, segments }, column) => {
    const value = row[column] ?? null;
    if (width === 0) out.float64(typeof value === "number" && Number.isFinite(value) ? value : sysmis);
    else {
      const text = utf8Truncated(value === null ? "" : String(value), width);
      out.bytes(text).spaces(segments * 8 - text.length);
    }
  });
}

/**
 * An SPSS system file (.sav), uncompressed, UTF-8: header, variable records with continuations for long
 * strings, labels, value labels, missing values, documents, machine info, long names and encoding records.
 */
export function writeSav(file: SavFile): SavResult {
  const warnings: string[] = [];
  const laid = layOut(file.variables, warnings);
  let weightIndex = 0;
  if (file.weight !== undefined) {
    const weight = laid.find((entry) => entry.variable.name === file.weight);
    if (weight?.width !== 0) throw new Error(`weight "${file.weight}" is not a numeric variable`);
    weightIndex = weight.index;
  }
  const out = new ByteWriter();
  writeHeader(out, file, laid, weightIndex);
  for (const entry of laid) writeVariable(out, entry);
  for (const entry of laid) writeValueLabels(out, entry);
  writeDocuments(out, file.documents ?? []);
  writeExtension(out, 3, 4, [20, 0, 0, -1, 1, 1, 2, 65001]);
  writeExtension(out, 4, 8, [sysmis, Number.MAX_VALUE, lowest]);
  writeExtension(out, 11, 4, displayParameters(laid));
  const encoder = new TextEncoder();
  const longNames = laid.map((entry) => `${entry.short}=${entry.variable.name}`).join("\t");
  writeExtension(out, 13, 1, encoder.encode(longNames));
  writeExtension(out, 20, 1, encoder.encode("UTF-8"));
  out.int32(999).int32(0);
  for (const row of file.rows) writeCase(out, laid, row);
  return { bytes: out.result(), warnings };
}
