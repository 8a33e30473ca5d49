import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvRows } from "../src/files/parseCsvRows.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { writeSav } from "../src/report/export/sav/writeSav.ts";
import { openDatabase } from "../src/store/openDatabase.ts";
import { responseRepository, type StoredResponse } from "../src/store/responseRepository.ts";
import { studyRepository } from "../src/store/studyRepository.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const run = promisify(execFile);
const pspp = "/usr/bin/pspp";

const answers: Array<[string, string, Record<string, unknown>]> = [
  [
    "r1",
    "es",
    {
      age: 35,
      country: "mx",
      likes: ["music", "food"],
      pets: true,
      pet_name: "Señor Bigotes",
      ranking: ["spain", "china", "usa"],
      words: "tecnología, comercio y café",
    },
  ],
  [
    "r2",
    "en",
    { age: 62, country: "ar", likes: ["football"], pets: false, ranking: ["usa", "china", "spain"] },
  ],
  ["r3", "es", { age: 19, country: "mx" }],
];

function stored(id: string, language: string, values: Record<string, unknown>): StoredResponse {
  return {
    id: `00000000-0000-4000-8000-00000000000${id.slice(1)}`,
    studyId: "mini",
    populationId: "adults",
    questionnaireVersion: "v1",
    siteId: String(values.country),
    language,
    mode: "web",
    status: "complete",
    answers: values,
    paradata: { startedAt: "2025-05-02T10:00:00.000Z", endedAt: "2025-05-02T10:04:30.000Z" },
    userAgent: "Mozilla/5.0 (secret phone)",
    bodyHash: `hash-${id}`,
    receivedAt: "2025-05-02T10:05:00.000Z",
  };
}

/** Runs PSPP syntax and returns its CSV output, table by table (keyed by title, header row first). */
async function runPspp(directory: string, syntax: string): Promise<Map<string, string[][]>> {
  if (!existsSync(pspp)) {
    throw new Error(`${pspp} is missing: install the Debian package "pspp" to read .sav files back`);
  }
  const script = join(directory, "read.sps");
  const output = join(directory, "read.csv");
  writeFileSync(script, syntax);
  await run(pspp, ["-O", "format=csv", "-o", output, script]);
  const tables = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const row of parseCsvRows(readFileSync(output, "utf8"))) {
    const title = /^Table: (.*)$/.exec(row[0] ?? "")?.[1];
    if (title) {
      current = [];
      tables.set(title, current);
    } else if (row.every((cell) => cell === "")) current = undefined;
    else current?.push(row);
  }
  return tables;
}

/** A table's rows as objects keyed by its header. */
function records(table: string[][] | undefined): Array<Record<string, string>> {
  const [header, ...rows] = table ?? [[]];
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`export --format xlsx|sav on ${dialect}`, () => {
    let directory: string;
    let database: TestDatabase;
    const outputs = new Map<string, string>();
    let unknownFormat: unknown;

    const exportTo = async (format: string, file: string) => {
      const out = join(directory, file);
      const { stderr } = await run(process.execPath, [
        "bin/parallax.js",
        "export",
        "--study",
        "mini",
        "--db",
        database.url,
        "--format",
        format,
        "--lang",
        "es",
        "--out",
        out,
      ]);
      return { out, stderr };
    };

    beforeAll(async () => {
      directory = mkdtempSync(join(tmpdir(), "parallax-export-"));
      database = await createTestDatabase(dialect);
      const store = await openDatabase(database.url);
      try {
        const study = await readStudyFolder("test/fixtures/studies/mini");
        await studyRepository(store.db).save(study);
        for (const [id, language, values] of answers) {
          await responseRepository(store.db).insertOnce(stored(id, language, values));
        }
      } finally {
        await store.close();
      }
      // The CLI starts slowly on a busy machine: run every export at once.
      const formats = ["sav", "xlsx", "csv"];
      const results = await Promise.allSettled([
        ...formats.map((format) => exportTo(format, `mini.${format}`)),
        exportTo("dta", "mini.dta"),
      ]);
      formats.forEach((format, index) => {
        const result = results[index];
        if (result.status === "rejected") throw result.reason;
        outputs.set(format, result.value.out);
      });
      unknownFormat = results[formats.length];
    }, 120_000);
    afterAll(async () => {
      await database?.drop();
      rmSync(directory, { recursive: true, force: true });
    });

    it("writes a .sav that PSPP reads back with Spanish labels, values and missing values", async () => {
      const out = outputs.get("sav");
      const tables = await runPspp(
        directory,
        `GET FILE='${out}'.\nDISPLAY DICTIONARY.\nDISPLAY DOCUMENTS.\nLIST.\n`,
      );
      const variables = new Map(records(tables.get("Variables")).map((row) => [row.Name, row]));
      expect(variables.get("age")).toMatchObject({
        Label: "¿Cuántos años tiene?",
        "Measurement Level": "Scale",
        "Print Format": "F8.0",
      });
      expect(variables.get("country")).toMatchObject({ Label: "¿Dónde vive?", "Print Format": "F8.0" });
      expect(variables.get("likes.music")?.Label).toBe("¿Qué le gusta?: Música");
      expect(variables.get("ranking.spain")).toMatchObject({ "Measurement Level": "Ordinal" });
      expect(variables.get("words")).toMatchObject({ "Print Format": "A29" });
      expect(variables.get("id")?.Label).toBe("Id de la respuesta");

      const labels = tables.get("Value Labels")?.map((row) => row.join("|"));
      expect(labels).toEqual(
        expect.arrayContaining([
          "¿Dónde vive?|1|Argentina",
          "|2|México",
          "¿Tiene mascotas?|0|No",
          "|1|Sí",
          "¿Qué le gusta?: Fútbol|0|no seleccionado",
          "|1|seleccionado",
        ]),
      );
      expect(tables.get("Documents")?.flat().join("\n").split("\n")).toEqual([
        "country: 1=ar",
        "country: 2=mx",
      ]);

      const [first, second, third] = records(tables.get("Data List"));
      expect(first).toMatchObject({
        site: "mx",
        language: "es",
        duration_seconds: "270",
        age: "35",
        country: "2",
        "likes.football": "0",
        "likes.music": "1",
        pets: "1",
        pet_name: "Señor Bigotes",
        "ranking.spain": "1",
        "ranking.usa": "3",
        words: "tecnología, comercio y café",
      });
      expect(second).toMatchObject({ age: "62", country: "1", pets: "0", pet_name: "", words: "" });
      // Unanswered questions are system-missing, shown by PSPP as ".".
      expect(third).toMatchObject({ age: "19", "likes.food": ".", pets: ".", "ranking.china": "." });
    });

    it("writes an .xlsx with a frozen two-row header and a codebook sheet", async () => {
      const out = outputs.get("xlsx") as string;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const data = workbook.getWorksheet("data");
      const codebook = workbook.getWorksheet("codebook");
      if (!data || !codebook) throw new Error("the workbook lacks its data or codebook sheet");
      const names = (data.getRow(1).values as unknown[]).slice(1);
      const column = (name: string) => names.indexOf(name) + 1;
      expect(names.slice(0, 3)).toEqual(["id", "population", "site"]);
      expect(data.getRow(2).getCell(column("age")).value).toBe("¿Cuántos años tiene?");
      expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(data.rowCount).toBe(2 + answers.length);
      expect(data.getRow(3).getCell(column("age")).value).toBe(35);
      expect(data.getRow(3).getCell(column("country")).value).toBe("mx");
      expect(data.getRow(3).getCell(column("likes.food")).value).toBe(1);
      expect(data.getRow(3).getCell(column("words")).value).toBe("tecnología, comercio y café");
      expect(data.getRow(5).getCell(column("likes.food")).value).toBeNull();

      const entries = codebook
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
      expect(entries[0]).toEqual(["variable", "label", "type", "value_labels", "populations"]);
      expect(entries).toContainEqual([
        "country",
        "¿Dónde vive?",
        "categorical",
        "ar=Argentina | mx=México",
        "Adultos",
      ]);
      expect(entries).toContainEqual(["pets", "¿Tiene mascotas?", "categorical", "1=Sí | 0=No", "Adultos"]);
    });

    it("is de-identified: no user agent in any format", async () => {
      for (const format of ["sav", "xlsx", "csv"]) {
        const bytes = readFileSync(outputs.get(format) as string);
        expect(bytes.includes("Mozilla")).toBe(false);
        expect(bytes.includes("secret phone")).toBe(false);
      }
    });

    it("refuses an unknown format with a usage error", () => {
      expect(unknownFormat).toMatchObject({
        status: "rejected",
        reason: { stderr: expect.stringContaining("must be one of csv, xlsx, sav") },
      });
    });
  });
}

describe("writeSav read back by PSPP: user-missing values, the weight and long strings", () => {
  it("excludes user-missing values, weights cases and cuts text at 255 bytes", async () => {
    const directory = mkdtempSync(join(tmpdir(), "parallax-sav-"));
    try {
      const story = "¿".repeat(200);
      const { bytes, warnings } = writeSav({
        variables: [
          { name: "age", label: "¿Cuántos años tiene?", kind: "numeric", missingValues: [-9] },
          { name: "story.text", kind: "string", width: 400 },
          { name: "factor", kind: "numeric", decimals: 2 },
        ],
        rows: [
          [30, story, 1.5],
          [-9, "", 2],
          [null, "x", 0.5],
          [40, "y", 0.5],
        ],
        weight: "factor",
      });
      expect(warnings).toEqual(["story.text: text longer than 255 bytes is cut to 255"]);
      const file = join(directory, "features.sav");
      writeFileSync(file, bytes);
      const tables = await runPspp(
        directory,
        `GET FILE='${file}'.\nDISPLAY DICTIONARY.\nDESCRIPTIVES age.\nLIST story.text.\n`,
      );
      const variables = new Map(records(tables.get("Variables")).map((row) => [row.Name, row]));
      expect(variables.get("age")?.["Missing Values"]).toBe("-9");
      expect(variables.get("story.text")?.["Print Format"]).toBe("A255");
      // Weighted: 30 × 1.5 and 40 × 0.5 are valid; -9 (user-missing) and the empty age are not.
      const [statistics] = records(tables.get("Descriptive Statistics"));
      expect(statistics).toMatchObject({ N: "2.00", Mean: "32.50" });
      const [first] = records(tables.get("Data List"));
      expect(first["story.text"]).toBe("¿".repeat(127));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
