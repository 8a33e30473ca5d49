/**
 * The whole `parallax report` command on about a million stored responses: the benchmark's scaled fieldwork
 * (see scaledFieldwork: `--base` times the article's sizes, `--copies` replicas) stored once in a SQLite file,
 * then the command run as a user runs it, in a process of its own with Node's default heap limit, timed from
 * start to exit: by default (a second thread screens the larger population) against `--one-thread` as the
 * baseline, alternated, `--runs` times each; the two reports must be identical. Reading alone
 * (responseRepository.listMapped on one thread) is timed after, in this process. Building the database is not
 * timed (about 4 minutes the first time).
 * Run: node --max-old-space-size=16000 --import tsx bench/report/storedMillion.ts [--base 10] [--copies 15] [--runs 1] [--db /tmp/parallax-million.db]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadSimulatedFieldwork } from "../../src/fieldwork/loadSimulatedFieldwork.ts";
import { toScreenedResponse } from "../../src/fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { openDatabase } from "../../src/store/openDatabase.ts";
import { responseRepository } from "../../src/store/responseRepository.ts";
import { cachedScaledFieldwork } from "./scaledFieldwork.ts";
import { median } from "./timeReport.ts";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "10" },
    copies: { type: "string", default: "15" },
    db: { type: "string", default: "/tmp/parallax-million.db" },
    runs: { type: "string", default: "1" },
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
/** One run of the command in a process of its own, start to exit, in ms; the report's HTML kept for comparison. */
function timeCommand(extra: string[]): { ms: number; html: string } {
  const started = performance.now();
  const command = spawnSync(
    process.execPath,
    [
      "bin/parallax.js",
      "report",
      "--study",
      studyFolder,
      "--db",
      args.db,
      "--lang",
      "en",
      "--out",
      out,
      ...extra,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  const ms = performance.now() - started;
  if (command.status !== 0) {
    log(`parallax report ${extra.join(" ")} failed (exit ${command.status}, signal ${command.signal})`);
    process.exit(1);
  }
  return { ms, html: readFileSync(out, "utf8") };
}

// Alternated, so both see the same machine: the default (a second thread screens) and --one-thread.
const twoThreads: number[] = [];
const oneThread: number[] = [];
const reports = new Set<string>();
for (let run = 1; run <= Number(args.runs); run++) {
  for (const [label, extra, times] of [
    ["two threads", [], twoThreads],
    ["one thread", ["--one-thread"], oneThread],
  ] as const) {
    const { ms, html } = timeCommand([...extra]);
    times.push(ms);
    reports.add(html.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, ""));
    log(`run ${run}, ${label}: ${(ms / 1000).toFixed(1)} s`);
  }
}
unlinkSync(out);

const store = await openDatabase(args.db);
const loadStarted = performance.now();
const loaded = await responseRepository(store.db).listMapped("china-lac", toScreenedResponse);
const loadMs = performance.now() - loadStarted;
await store.close();
const two = median(twoThreads);
const one = median(oneThread);
process.stdout.write(
  `parallax report on ${loaded.length} stored responses, start to exit, median of ${twoThreads.length}:\n` +
    `  default (second thread screens): ${(two / 1000).toFixed(1)} s wall\n` +
    `  --one-thread:                    ${(one / 1000).toFixed(1)} s wall (${(one / two).toFixed(2)}× the default)\n` +
    `  the two reports are ${reports.size === 1 ? "identical" : "DIFFERENT"} (timestamps aside)\n` +
    `  reading them on one thread (listMapped): ${(loadMs / 1000).toFixed(1)} s, ${((100 * loadMs) / one).toFixed(0)}% of --one-thread\n`,
);
if (reports.size !== 1) process.exitCode = 1;
