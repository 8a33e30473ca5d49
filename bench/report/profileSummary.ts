/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) without loading it into DevTools: self time by
 * function and by file, and inclusive time by function, counting only samples under a root function
 * (default `timeReport`, so the simulation that builds the benchmark's responses is left out).
 * Run: npx tsx bench/report/profileSummary.ts <file.cpuprofile> [--root timeReport] [--top 40]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: "string", default: "timeReport" }, top: { type: "string", default: "40" } },
});
const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as CpuProfile;
const top = Number(args.top);

const parent = new Map<number, number>();
const byId = new Map<number, ProfileNode>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) parent.set(child, node.id);
}
const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/work\/main\//, "").replace(/^file:\/\//, "");
const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const files = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const underRoot = new Map<number, boolean>();
const isUnderRoot = (id: number): boolean => {
  const known = underRoot.get(id);
  if (known !== undefined) return known;
  const node = byId.get(id);
  const up = parent.get(id);
  const result =
    node?.callFrame.functionName === args.root ? true : up === undefined ? false : isUnderRoot(up);
  underRoot.set(id, result);
  return result;
};
const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);

profile.samples.forEach((id, k) => {
  const delta = profile.timeDeltas[k + 1] ?? 0;
  if (!isUnderRoot(id)) return;
  const node = byId.get(id);
  if (!node) return;
  total += delta;
  add(self, label(node), delta);
  add(files, shortUrl(node.callFrame.url) || "(native)", delta);
  const seen = new Set<string>();
  for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
    const key = label(byId.get(up) as ProfileNode);
    if (!seen.has(key)) add(inclusive, key, delta);
    seen.add(key);
  }
});

const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, value] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(
      `${(value / 1000).toFixed(0).padStart(8)} ms ${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}\n`,
    );
};
process.stdout.write(`samples under ${args.root}: ${(total / 1000).toFixed(0)} ms\n`);
print("self time by function", self);
print("self time by file", files);
print("inclusive time by function", inclusive);
