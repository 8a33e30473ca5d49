import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { dataKeyFromEnvironment, dataKeyVariable, personalDataCipher } from "../access/personalDataCipher.ts";
import { ParallaxError } from "../errors.ts";
import { parseCsvRows } from "../files/parseCsvRows.ts";
import { csvText } from "../report/export/csvText.ts";
import { respondentLink } from "../server/studySummary.ts";
import { auditRepository } from "../store/auditRepository.ts";
import { invitationRepository } from "../store/invitationRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { personalDataRepository } from "../store/personalDataRepository.ts";
import { studyRepository } from "../store/studyRepository.ts";
import { dbOption } from "./dbOption.ts";

interface InviteOptions {
  study: string;
  population: string;
  language: string;
  site?: string;
  mode: string;
  count?: string;
  contacts?: string;
  out?: string;
  baseUrl: string;
  db: string;
}

const contactFields = ["name", "email", "phone"] as const;

async function readContacts(path: string): Promise<Array<Record<string, string>>> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new ParallaxError("FILE_UNREADABLE", `Cannot read ${path}`, [{ path, message: "no such file" }]);
  });
  let rows: string[][];
  try {
    rows = parseCsvRows(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ParallaxError("CSV_INVALID", `${path} is not valid CSV`, [
      { path, message: (error as Error).message },
    ]);
  }
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const unknown = header.filter((name) => !(contactFields as readonly string[]).includes(name));
  if (header.length === 0 || unknown.length > 0) {
    throw new ParallaxError(
      "CSV_INVALID",
      `${path} must have the columns ${contactFields.join(", ")} (any of them)`,
      [
        {
          path: `${path} row 1`,
          message: unknown.length ? `unknown columns: ${unknown.join(", ")}` : "no header",
        },
      ],
    );
  }
  return rows
    .slice(1)
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => Object.fromEntries(header.map((name, index) => [name, (row[index] ?? "").trim()])));
}

export function registerInviteCommand(program: Command): void {
  program
    .command("invite")
    .description("create personal invitations (single-use, resumable links); contacts are stored encrypted")
    .requiredOption("--study <id>")
    .requiredOption("--population <id>")
    .requiredOption("--language <code>")
    .option("--site <id>", "the site the invitees belong to")
    .option("--mode <mode>", "web or f2f", "web")
    .option("--count <n>", "how many anonymous invitations to create")
    .option("--contacts <file.csv>", `invitees (columns name, email, phone); needs ${dataKeyVariable}`)
    .option("--out <file.csv>", "where to write the links (default: standard output)")
    .option("--base-url <url>", "the server's public address", "http://localhost:3000")
    .addOption(dbOption())
    .action(async (options: InviteOptions) => invite(options));
}

async function invite(options: InviteOptions): Promise<void> {
  if (Boolean(options.count) === Boolean(options.contacts)) {
    throw new ParallaxError("USAGE", "Give either --count or --contacts", [
      { path: "--count/--contacts", message: "exactly one" },
    ]);
  }
  const contacts = options.contacts ? await readContacts(options.contacts) : undefined;
  const key = dataKeyFromEnvironment();
  if (contacts && !key) {
    throw new ParallaxError("USAGE", `Personal data needs an encryption key in ${dataKeyVariable}`, [
      {
        path: dataKeyVariable,
        message: "not set; make one with: openssl rand -base64 32, and keep it outside the database",
      },
    ]);
  }
  const count = contacts ? contacts.length : Number(options.count);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new ParallaxError("USAGE", "--count must be a whole number from 1 to 1,000,000", [
      { path: "--count", message: String(options.count) },
    ]);
  }
  const store = await openDatabase(options.db);
  try {
    const study = await studyRepository(store.db).definition(options.study);
    const population = study?.populations.find((candidate) => candidate.id === options.population);
    if (!study || !population) {
      throw new ParallaxError(
        "NOT_FOUND",
        `No population ${options.study}/${options.population} in ${store.location}`,
      );
    }
    if (!population.languages.includes(options.language)) {
      throw new ParallaxError("USAGE", `The population does not answer in "${options.language}"`, [
        { path: "--language", message: population.languages.join(", ") },
      ]);
    }
    if (options.site && !population.sites.some((site) => site.id === options.site)) {
      throw new ParallaxError("USAGE", `No site "${options.site}"`, [
        { path: "--site", message: population.sites.map((site) => site.id).join(", ") },
      ]);
    }
    const personal = key ? personalDataRepository(store.db, personalDataCipher(key)) : undefined;
    const rows: string[][] = [];
    for (let index = 0; index < count; index++) {
      const contact = contacts?.[index];
      const personalDataId = contact && personal ? await personal.store(study.id, contact) : null;
      const { invitation, token } = await invitationRepository(store.db).create({
        studyId: study.id,
        populationId: population.id,
        siteId: options.site ?? null,
        language: options.language,
        mode: options.mode,
        personalDataId,
      });
      const link = `${options.baseUrl.replace(/\/$/, "")}${respondentLink(study.id, population.id, options.language)}?t=${token}`;
      rows.push([
        invitation.id,
        link,
        ...(contact ? contactFields.map((field) => contact[field] ?? "") : []),
      ]);
    }
    await auditRepository(store).append({
      actor: "cli",
      action: "invitations_created",
      target: `${study.id}/${population.id}`,
      details: { count, withContacts: Boolean(contacts), site: options.site ?? null },
      source: "cli",
    });
    const output = csvText(["invitation_id", "link", ...(contacts ? contactFields : [])], rows);
    if (options.out) await writeFile(options.out, output, { mode: 0o600 });
    else process.stdout.write(output);
    process.stderr.write(`Created ${count} invitations for ${study.id}/${population.id}\n`);
  } finally {
    await store.close();
  }
}
