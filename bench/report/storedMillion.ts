/**
 * The whole `parallax report` command on about a million stored responses: the benchmark's scaled fieldwork
 * (see scaledFieldwork: `--base` times the article's sizes, `--copies` replicas) stored once in a SQLite file,
 * then the command run as a user runs it, in a process of its own with Node's default heap limit, timed from
 * start to exit. Loading alone (responseRepository.listMapped, as the command reads) is timed after it, in
 * this process. Building the database is not timed (about 4 minutes the first time).
 * Run: node --max-old-space-size=16000 --import tsx bench/report/storedMillion.ts [--base 10] [--copies 15] [--db /tmp/parallax-million.db]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadSimulatedFieldwork } from "../../src/fieldwork/loadSimulatedFieldwork.ts";
import { toScreenedResponse } from "../../src/fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { openDatabase } from "../../src/store/openDatabase.ts";
import { responseRepository } from "../../src/store/responseRepository.ts";
import { cachedScaledFieldwork } from "./scaledFieldwork.ts";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "10" },
    copies: { type: "string", default: "15" },
    db: { type: "string", default: "/tmp/parallax-million.db" },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const studyFolder = "examples/china-lac";

if (!existsSync(args.db)) {
  const study = await readStudyFolder(studyFolder);
  const quality = await readQualityConfig(study.directory);
  const base = Number(args.base);
  const copies = Number(args.copies);
  const responses = cachedScaledFieldwork(study, quality, {
    base,
    copies,
    cacheFile: `/tmp/parallax-responses-${base}x${copies}.bin`,
    log,
  });
  log(`storing ${responses.length} responses in ${args.db}…`);
  const store = await openDatabase(args.db);
  await loadSimulatedFieldwork(store.db, study, { responses, truth: new Map(), redrawRounds: 0 });
  await store.close();
}

const out = `/tmp/parallax-million-${process.pid}.html`;
const started = performance.now();
const command = spawnSync(
  process.execPath,
  ["bin/parallax.js", "report", "--study", studyFolder, "--db", args.db, "--lang", "en", "--out", out],
  { stdio: ["ignore", "inherit", "inherit"] },
);
const commandMs = performance.now() - started;
if (command.status !== 0) {
  log(`parallax report failed (exit ${command.status}, signal ${command.signal})`);
  process.exit(1);
}

const store = await openDatabase(args.db);
const loadStarted = performance.now();
const loaded = await responseRepository(store.db).listMapped("china-lac", toScreenedResponse);
const loadMs = performance.now() - loadStarted;
await store.close();
process.stdout.write(
  `parallax report on ${loaded.length} stored responses: ${(commandMs / 1000).toFixed(1)} s wall, start to exit\n` +
    `  loading them (listMapped): ${(loadMs / 1000).toFixed(1)} s, ${((100 * loadMs) / commandMs).toFixed(0)}% of the command\n`,
);
