import { parseArgs } from "node:util";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { nearDuplicateRule } from "../../src/quality/rules/nearDuplicateRule.ts";
import { groupBy } from "../../src/quality/screenContext.ts";
import { cachedScaledFieldwork } from "./scaledFieldwork.ts";
import { screenSubsets } from "./screenSubsets.ts";
import { median } from "./timeReport.ts";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "10" },
    copies: { type: "string", default: "15" },
    runs: { type: "string", default: "1" },
    "cache-only": { type: "boolean", default: false },
    "pair-limit": { type: "string" },
  },
});
const cacheFile = `/tmp/parallax-responses-${args.base}x${args.copies}.bin`;
const log = (line: string) => process.stderr.write(`${line}\n`);

const study = await readStudyFolder("examples/china-lac");
const quality = await readQualityConfig(study.directory);

const responses = cachedScaledFieldwork(study, quality, {
  base: Number(args.base),
  copies: Number(args.copies),
  cacheFile,
  log,
});
if (args["cache-only"]) process.exit(0);

const { context, completed } = screenSubsets(study, quality, responses);

for (const [population, group] of groupBy(completed, (response) => response.population)) {
  const timezone = context.populations.get(population)?.population.fieldwork.timezone ?? "UTC";
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: timezone });
  const sites = groupBy(group, (response) => String(response.site ?? ""));
  const siteDays = groupBy(group, (response) => {
    const start = Date.parse(String(response.paradata.startedAt ?? ""));
    return `${response.site ?? ""}|${Number.isNaN(start) ? "" : day.format(start)}`;
  });
  const sizes = [...siteDays.values()].map((rows) => rows.length).sort((a, b) => a - b);
  const pairs = (counts: number[]) => counts.reduce((sum, count) => sum + (count * (count - 1)) / 2, 0);
  log(
    `${population}: ${group.length} completed, ${sites.size} sites (${pairs([...sites.values()].map((rows) => rows.length)).toExponential(2)} pairs), ${siteDays.size} site-days (largest ${sizes.at(-1)}, median ${sizes[sizes.length >> 1]}; ${pairs(sizes).toExponential(2)} pairs)`,
  );
}

const times: number[] = [];
let flagged = 0;
for (let run = 0; run < Number(args.runs); run++) {
  const start = process.cpuUsage();
  const result = nearDuplicateRule(
    completed,
    context,
    args["pair-limit"] === undefined ? undefined : Number(args["pair-limit"]),
  );
  const used = process.cpuUsage(start);
  times.push((used.user + used.system) / 1000);
  flagged = result.flags.length;
  log(
    `run ${run + 1}: ${Math.round(times.at(-1) ?? 0)} ms CPU; thresholds ${JSON.stringify(result.thresholds)}`,
  );
}
process.stdout.write(
  `nearDuplicate on ${completed.length} completed (${responses.length} stored): ${Math.round(median(times))} ms CPU, ${((median(times) * 1000) / responses.length).toFixed(1)} µs per stored response; ${flagged} flagged\n`,
);
