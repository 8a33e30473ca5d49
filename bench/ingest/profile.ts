/**
 * Profiles one SQLite `parallax serve` under the ingest benchmark's load: the server runs with `--cpu-prof`
 * and writes its profile into the given folder when it stops; the hottest functions (self time) are printed.
 *
 *   node --import tsx bench/ingest/profile.ts [--seconds 10] [--out /tmp/parallax-profile] [--top 40]
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { answerPool, populationId, studyDirectory, studyId } from "./answerPool.ts";
import { generateLoad } from "./loadGenerator.ts";
import { sampleMachineLoad } from "./machineLoad.ts";
import { createBenchDatabase, startServe } from "./serveInstances.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const seconds = Number(option("--seconds", "10"));
const out = option("--out", "/tmp/parallax-profile");
const top = Number(option("--top", "40"));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Self time per function, as shares of all samples. */
function hottest(profile: Profile): Array<{ share: number; name: string }> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  for (const sample of profile.samples) {
    const frame = frames.get(sample);
    if (!frame) continue;
    const where = frame.url.replace(/^.*\/(node_modules|src)\//, "$1/");
    const name = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, share: count / profile.samples.length }))
    .sort((a, b) => b.share - a.share);
}

mkdirSync(out, { recursive: true });
const { bodies } = await answerPool(400, 20250501);
const database = await createBenchDatabase("sqlite");
const args = ["--db", database.url, "--study", studyDirectory, "--open-fieldwork"];
args.push("--submission-rate-limit", "1000000000");
const before = new Set(readdirSync(out));
const instance = await startServe(args, { nodeArgs: ["--cpu-prof", "--cpu-prof-dir", out] });
try {
  const sampler = sampleMachineLoad([instance.pid]);
  const result = await generateLoad({
    origins: [instance.origin],
    path: `/api/v1/studies/${studyId}/populations/${populationId}/responses`,
    bodies,
    concurrency: 32,
    workers: 1,
    warmupMs: 3000,
    measureMs: seconds * 1000,
  });
  const machine = sampler.stop();
  // The sample spans the warm-up too, when the server works as hard: its cores are an average over both.
  const cpuMs = (1000 * machine.serverCores) / result.perSecond;
  process.stdout.write(
    `${Math.round(result.perSecond)}/s, p99 ${result.p99.toFixed(1)} ms; server ${machine.serverCores.toFixed(2)} cores, ` +
      `${cpuMs.toFixed(2)} ms CPU per submission; load avg ${machine.loadAverage.toFixed(2)}\n`,
  );
} finally {
  await instance.stop();
  await database.drop();
}
// The main thread's profile is the first written (thread 0); the others are the checkpointer and tsx's loader.
const written = readdirSync(out)
  .filter((name) => !before.has(name) && name.endsWith(".cpuprofile"))
  .sort()
  .slice(0, 1);
for (const name of written) {
  const profile = JSON.parse(readFileSync(join(out, name), "utf8")) as Profile;
  process.stdout.write(`${join(out, name)}\n`);
  for (const { share, name: fn } of hottest(profile).slice(0, top)) {
    process.stdout.write(`${(100 * share).toFixed(1).padStart(5)}%  ${fn}\n`);
  }
}
