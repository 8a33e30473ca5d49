import { readFile } from "node:fs/promises";
import { ParallaxError } from "../errors.ts";
import { parseCsvRows } from "../files/parseCsvRows.ts";

export interface AnswerRow {
  id: string;
  language: string;
  text: string;
}

/** Reads `id,language,text` (the language column may be missing or empty); columns in any order. */
export async function readAnswersCsv(path: string): Promise<AnswerRow[]> {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch {
    throw new ParallaxError("FILE_UNREADABLE", "Cannot read the answers", [
      { path, message: "no such file" },
    ]);
  }
  return parseAnswersCsv(content.replace(/^\uFEFF/, ""), path);
}

export function parseAnswersCsv(content: string, shownAs: string): AnswerRow[] {
  let cells: string[][];
  try {
    cells = parseCsvRows(content);
  } catch (error) {
    throw new ParallaxError("CSV_INVALID", `${shownAs} is not valid CSV`, [
      { path: shownAs, message: (error as Error).message },
    ]);
  }
  const header = (cells[0] ?? []).map((name) => name.trim().toLowerCase());
  const idColumn = header.indexOf("id");
  const textColumn = header.indexOf("text");
  const languageColumn = header.indexOf("language");
  if (idColumn < 0 || textColumn < 0) {
    throw new ParallaxError(
      "CSV_INVALID",
      `${shownAs} needs the columns id and text (and optionally language)`,
      [{ path: `${shownAs} row 1`, message: `has columns ${header.join(", ") || "(none)"}` }],
    );
  }
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  for (let index = 1; index < cells.length; index++) {
    const row = cells[index];
    if (row === undefined || (row.length === 1 && row[0].trim() === "")) continue;
    const id = (row[idColumn] ?? "").trim();
    if (id === "" || seen.has(id)) {
      throw new ParallaxError("CSV_INVALID", `${shownAs} has a row without a unique id`, [
        { path: `${shownAs} row ${index + 1}`, message: id === "" ? "id is empty" : `id ${id} is repeated` },
      ]);
    }
    seen.add(id);
    rows.push({
      id,
      language: languageColumn < 0 ? "" : (row[languageColumn] ?? "").trim(),
      text: row[textColumn] ?? "",
    });
  }
  return rows;
}

/** RFC 4180: quoted fields with doubled quotes and line breaks inside, CRLF or LF rows. */
