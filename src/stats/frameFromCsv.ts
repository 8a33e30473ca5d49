import { ParallaxError } from "../errors.ts";
import { CsvLevels, parseNumberBytes, parseNumberText } from "./csvLevels.ts";
import { addColumn, compareLevels, createFrame, type Frame, MISSING_CODE } from "./frame.ts";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads CSV (RFC 4180: quotes, doubled quotes, CRLF) into a frame in one pass over the UTF-8 bytes.
 * A column is numeric when every non-empty value parses as a number, otherwise categorical with its
 * distinct values as levels; an empty field is missing.
 */
export function frameFromCsv(input: string | Uint8Array): Frame {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  let text = new Set<number>();
  for (;;) {
    const attempt = parseWith(bytes, text);
    if (attempt.frame !== null) return attempt.frame;
    text = attempt.textColumns;
  }
}

interface Attempt {
  frame: Frame | null;
  /** Columns found to hold text after some rows were read as numbers: the parse restarts with them as text. */
  textColumns: Set<number>;
}

function parseWith(bytes: Uint8Array, knownText: Set<number>): Attempt {
  const length = bytes.length;
  const decoder = new TextDecoder();
  const header: string[] = [];
  let position = readHeader(bytes, header, decoder);
  if (header.length === 0 || (header.length === 1 && header[0] === "")) {
    throw new ParallaxError("CSV_INVALID", "The CSV has no header", [{ path: "line 1", message: "empty" }]);
  }
  const width = header.length;
  let capacity = 1;
  for (let i = bytes.indexOf(LF, position); i >= 0; i = bytes.indexOf(LF, i + 1)) capacity++;
  const firstRow = firstRowText(bytes, position, width);
  const isText = header.map((_, column) => knownText.has(column) || firstRow[column]);
  const numbers = header.map((_, column) =>
    isText[column] ? new Float64Array(0) : new Float64Array(capacity),
  );
  const codes = header.map((_, column) => (isText[column] ? new Int32Array(capacity) : new Int32Array(0)));
  const dictionaries = header.map(() => new CsvLevels());
  const switched = new Set<number>();
  const kinds = Int8Array.from(isText, (flag) => (flag ? 1 : 0));
  let row = 0;
  while (position < length) {
    let column = 0;
    for (;;) {
      if (column >= width) tooMany(row, width);
      if (bytes[position] === QUOTE) {
        const end = closingQuote(bytes, position + 1, row);
        const value = decoder.decode(bytes.subarray(position + 1, end)).replaceAll('""', '"');
        position = end + 1;
        if (kinds[column] === 0) {
          const number = value === "" ? Number.NaN : parseNumberText(value);
          if (value !== "" && Number.isNaN(number)) {
            if (row > 0) switched.add(column);
            kinds[column] = 1;
            codes[column] = new Int32Array(capacity);
          } else {
            numbers[column][row] = number;
          }
        }
        if (kinds[column] === 1)
          codes[column][row] = value === "" ? MISSING_CODE : dictionaries[column].codeOfText(value);
      } else {
        const start = position;
        if (kinds[column] === 1) {
          let hash = -2128831035;
          while (position < length) {
            const code = bytes[position];
            if (code === COMMA || code === LF || code === CR) break;
            hash = Math.imul(hash ^ code, 16777619);
            position++;
          }
          codes[column][row] =
            start === position
              ? MISSING_CODE
              : dictionaries[column].codeOfHashed(bytes, start, position, hash);
        } else {
          position = fieldEnd(bytes, position, length);
          const number = start === position ? Number.NaN : parseNumberBytes(bytes, start, position);
          if (start !== position && Number.isNaN(number)) {
            if (row > 0) switched.add(column);
            kinds[column] = 1;
            codes[column] = new Int32Array(capacity);
            codes[column][row] = dictionaries[column].codeOfBytes(bytes, start, position);
          } else {
            numbers[column][row] = number;
          }
        }
      }
      column++;
      const code = position < length ? bytes[position] : LF;
      if (code === COMMA) {
        position++;
        continue;
      }
      if (code === CR) position++;
      if (position < length && bytes[position] === LF) position++;
      else if (code !== CR && code !== LF)
        throw csvError(`line ${row + 2}`, "unexpected character after a quoted field");
      break;
    }
    if (column !== width) {
      throw new ParallaxError("CSV_INVALID", "A row has the wrong number of fields", [
        { path: `line ${row + 2}`, message: `${column} fields, the header has ${width}` },
      ]);
    }
    row++;
  }
  kinds.forEach((kind, column) => {
    isText[column] = kind === 1;
  });
  if (switched.size > 0) return { frame: null, textColumns: new Set([...knownText, ...switched]) };
  return { frame: buildFrame(header, isText, numbers, codes, dictionaries, row), textColumns: knownText };
}

/** Which fields of the first data row are non-empty and not numbers: those columns start as text. */
function firstRowText(bytes: Uint8Array, from: number, width: number): boolean[] {
  const text = new Array<boolean>(width).fill(false);
  let position = from;
  for (let column = 0; column < width && position < bytes.length; column++) {
    if (bytes[position] === QUOTE) return text;
    const end = fieldEnd(bytes, position, bytes.length);
    if (end > position && Number.isNaN(parseNumberBytes(bytes, position, end))) text[column] = true;
    if (bytes[end] !== COMMA) break;
    position = end + 1;
  }
  return text;
}

function fieldEnd(bytes: Uint8Array, from: number, length: number): number {
  let position = from;
  while (position < length) {
    const code = bytes[position];
    if (code === COMMA || code === LF || code === CR) break;
    position++;
  }
  return position;
}

function buildFrame(
  header: string[],
  isText: boolean[],
  numbers: Float64Array[],
  codes: Int32Array[],
  dictionaries: CsvLevels[],
  rows: number,
): Frame {
  const frame = createFrame(rows);
  header.forEach((name, column) => {
    if (frame.columns.has(name)) {
      throw new ParallaxError("CSV_INVALID", "Duplicate column name", [
        { path: `column ${name}`, message: "appears twice" },
      ]);
    }
    if (!isText[column]) {
      addColumn(frame, name, { kind: "numeric", values: numbers[column].subarray(0, rows) });
      return;
    }
    const firstSeen = dictionaries[column].levels;
    const levels = [...firstSeen].sort(compareLevels);
    const order = new Map(levels.map((level, k) => [level, k]));
    const recode = Int32Array.from(firstSeen, (level) => order.get(level) as number);
    const columnCodes = codes[column].subarray(0, rows);
    if (recode.some((code, k) => code !== k)) {
      for (let i = 0; i < rows; i++)
        if (columnCodes[i] !== MISSING_CODE) columnCodes[i] = recode[columnCodes[i]];
    }
    addColumn(frame, name, { kind: "categorical", codes: columnCodes, levels });
  });
  return frame;
}

function readHeader(bytes: Uint8Array, header: string[], decoder: TextDecoder): number {
  let position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    let value: string;
    if (bytes[position] === QUOTE) {
      const end = closingQuote(bytes, position + 1, -1);
      value = decoder.decode(bytes.subarray(position + 1, end)).replaceAll('""', '"');
      position = end + 1;
    } else {
      const start = position;
      while (
        position < bytes.length &&
        bytes[position] !== COMMA &&
        bytes[position] !== LF &&
        bytes[position] !== CR
      )
        position++;
      value = decoder.decode(bytes.subarray(start, position));
    }
    header.push(value);
    if (bytes[position] === COMMA) {
      position++;
      continue;
    }
    if (bytes[position] === CR) position++;
    if (bytes[position] === LF) position++;
    return position;
  }
}

function closingQuote(bytes: Uint8Array, from: number, row: number): number {
  let cursor = from;
  for (;;) {
    const next = bytes.indexOf(QUOTE, cursor);
    if (next === -1) throw csvError(`line ${row + 2}`, "unterminated quoted field");
    if (bytes[next + 1] === QUOTE) {
      cursor = next + 2;
      continue;
    }
    return next;
  }
}

function tooMany(row: number, width: number): never {
  throw new ParallaxError("CSV_INVALID", "A row has the wrong number of fields", [
    { path: `line ${row + 2}`, message: `more than the ${width} fields of the header` },
  ]);
}

function csvError(path: string, message: string): ParallaxError {
  return new ParallaxError("CSV_INVALID", "The CSV cannot be parsed", [{ path, message }]);
}
