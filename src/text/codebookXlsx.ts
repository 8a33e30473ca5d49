import ExcelJS from "exceljs";
import { type ErrorDetail, ParallaxError } from "../errors.ts";
import { checkCodebook } from "./checkCodebook.ts";
import type { Codebook, PatternKind } from "./codebookTypes.ts";

/**
 * A codebook as a workbook for people who edit in a spreadsheet. Sheets: `codes` (id, label.<language>
 * …), `patterns` (code, language, kind, pattern: one row per pattern; kind is word, stem, phrase or
 * regex) and `nets` (id, codes separated by ";", label.<language> …).
 */
export async function codebookToXlsx(codebook: Codebook, labelLanguages: string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const labelHeader = labelLanguages.map((language) => `label.${language}`);
  const codes = workbook.addWorksheet("codes");
  codes.addRow(["id", ...labelHeader]);
  for (const code of codebook.codes)
    codes.addRow([code.id, ...labelLanguages.map((language) => code.label[language] ?? "")]);
  const patterns = workbook.addWorksheet("patterns");
  patterns.addRow(["code", "language", "kind", "pattern"]);
  for (const code of codebook.codes) {
    for (const [language, set] of Object.entries(code.patterns)) {
      for (const [kind, list] of Object.entries(set ?? {})) {
        for (const pattern of list as string[])
          patterns.addRow([code.id, language, singular[kind as PatternKind], pattern]);
      }
    }
  }
  const nets = workbook.addWorksheet("nets");
  nets.addRow(["id", "codes", ...labelHeader]);
  for (const net of codebook.nets) {
    nets.addRow([
      net.id,
      net.codes.join(";"),
      ...labelLanguages.map((language) => net.label[language] ?? ""),
    ]);
  }
  for (const sheet of [codes, patterns, nets]) sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const singular: Record<PatternKind, string> = {
  words: "word",
  stems: "stem",
  phrases: "phrase",
  regex: "regex",
};
const kindOf: Record<string, PatternKind> = {
  word: "words",
  words: "words",
  stem: "stems",
  stems: "stems",
  phrase: "phrases",
  phrases: "phrases",
  regex: "regex",
};

interface Table {
  header: string[];
  rows: Array<{ number: number; cells: string[] }>;
}

/** Reads a codebook workbook; every problem names its sheet, row and column. */
export async function codebookFromXlsx(bytes: Uint8Array, question: string, file: string): Promise<Codebook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new ParallaxError("CODEBOOK_INVALID", `${file} is not a readable .xlsx workbook`, [
      { path: file, message: (error as Error).message },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const locations = new Map<string, string>();
  const at = (sheet: string, row: number, column?: { index: number; name: string }) =>
    `${file} sheet ${sheet} row ${row}${column ? ` column ${columnLetter(column.index)} (${column.name})` : ""}`;
  const table = (name: string, required: string[], optional = false): Table | null => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) {
      if (!optional) problems.push({ path: `${file} sheet ${name}`, message: "is missing" });
      return null;
    }
    const rows: Table["rows"] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cell.text.trim();
      });
      rows.push({ number, cells: Array.from(cells, (cell) => cell ?? "") });
    });
    const header = (rows.shift()?.cells ?? []).map((cell) => cell.toLowerCase());
    for (const column of required) {
      if (!header.includes(column))
        problems.push({ path: `${file} sheet ${name} row 1`, message: `has no column ${column}` });
    }
    return { header, rows: rows.filter((row) => row.cells.some((cell) => cell !== "")) };
  };
  const codesTable = table("codes", ["id"]);
  const patternsTable = table("patterns", ["code", "language", "kind", "pattern"]);
  const netsTable = table("nets", ["id", "codes"], true);
  if (problems.length > 0 || !codesTable || !patternsTable) throw invalid(file, problems);

  const labelsOf = (sheet: string, t: Table, cells: string[], number: number, path: string) => {
    const label: Record<string, string> = {};
    t.header.forEach((name, index) => {
      if (!name.startsWith("label.") || cells[index] === undefined || cells[index] === "") return;
      const language = name.slice("label.".length);
      label[language] = cells[index];
      locations.set(`${path}.label.${language}`, at(sheet, number, { index, name }));
    });
    locations.set(`${path}.label`, at(sheet, number));
    return label;
  };
  const column = (t: Table, name: string) => ({ index: t.header.indexOf(name), name });

  const codes = codesTable.rows.map((row, index) => {
    const path = `$.codes[${index}]`;
    const id = column(codesTable, "id");
    locations.set(path, at("codes", row.number));
    locations.set(`${path}.id`, at("codes", row.number, id));
    locations.set(`${path}.patterns`, at("codes", row.number));
    return {
      id: row.cells[id.index] ?? "",
      label: labelsOf("codes", codesTable, row.cells, row.number, path),
      patterns: {} as Record<string, Record<string, string[]>>,
    };
  });
  const codeColumn = column(patternsTable, "code");
  const languageColumn = column(patternsTable, "language");
  const kindColumn = column(patternsTable, "kind");
  const patternColumn = column(patternsTable, "pattern");
  for (const row of patternsTable.rows) {
    const codeId = row.cells[codeColumn.index] ?? "";
    const codeIndex = codes.findIndex((code) => code.id === codeId);
    const kindText = (row.cells[kindColumn.index] ?? "").toLowerCase();
    const kind = kindOf[kindText];
    const language = (row.cells[languageColumn.index] ?? "").toLowerCase();
    if (codeIndex < 0) {
      problems.push({
        path: at("patterns", row.number, codeColumn),
        message: `no code ${codeId || "(empty)"} on sheet codes`,
      });
      continue;
    }
    if (!kind) {
      problems.push({
        path: at("patterns", row.number, kindColumn),
        message: "must be word, stem, phrase or regex",
      });
      continue;
    }
    if (language === "") {
      problems.push({
        path: at("patterns", row.number, languageColumn),
        message: "must name a language (zh-cn, es, pt, en or all)",
      });
      continue;
    }
    const patterns = codes[codeIndex].patterns;
    patterns[language] ??= {};
    patterns[language][kind] ??= [];
    const list = patterns[language][kind];
    const base = `$.codes[${codeIndex}].patterns.${language}`;
    locations.set(base, at("patterns", row.number, languageColumn));
    locations.set(`${base}.${kind}`, at("patterns", row.number, kindColumn));
    locations.set(`${base}.${kind}[${list.length}]`, at("patterns", row.number, patternColumn));
    list.push(row.cells[patternColumn.index] ?? "");
  }
  const nets = (netsTable?.rows ?? []).map((row, index) => {
    const path = `$.nets[${index}]`;
    const t = netsTable as Table;
    const codesCell = column(t, "codes");
    locations.set(path, at("nets", row.number));
    locations.set(`${path}.id`, at("nets", row.number, column(t, "id")));
    const members = (row.cells[codesCell.index] ?? "")
      .split(";")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    for (let member = 0; member < members.length; member++) {
      locations.set(`${path}.codes[${member}]`, at("nets", row.number, codesCell));
    }
    locations.set(`${path}.codes`, at("nets", row.number, codesCell));
    return {
      id: row.cells[column(t, "id").index] ?? "",
      label: labelsOf("nets", t, row.cells, row.number, path),
      codes: members,
    };
  });
  const checked = checkCodebook({ question, codes, nets });
  for (const problem of checked.problems)
    problems.push({ path: locate(problem.path, locations, file), message: problem.message });
  if (problems.length > 0 || checked.codebook === null) throw invalid(file, problems);
  return checked.codebook;
}

/** The most specific recorded location of a JSON path (or of its nearest parent). */
function locate(path: string, locations: Map<string, string>, file: string): string {
  for (let candidate = path; candidate !== "$"; candidate = candidate.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const found = locations.get(candidate);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(candidate)) break;
  }
  return path === "$.codes" ? `${file} sheet codes` : `${file} ${path}`;
}

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function invalid(file: string, problems: ErrorDetail[]): ParallaxError {
  return new ParallaxError("CODEBOOK_INVALID", `${file} is not a valid codebook`, problems);
}
