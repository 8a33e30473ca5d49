import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { QualityConfig } from "../../src/quality/index.ts";
import { articleValidResponses } from "../../src/simulate/articleFindings.ts";
import { defaultFaultShares, simulateFieldwork } from "../../src/simulate/simulateFieldwork.ts";
import type { SimulatedResponse } from "../../src/simulate/types.ts";
import type { LoadedStudy } from "../../src/study/types.ts";
import { replicateResponses } from "./replicateResponses.ts";

/**
 * The benchmarks' large fieldwork: the simulator at `base` times the article's sizes (seed 2, not exact), then
 * `copies` seeded replicas of it (seed 3). The same arguments always give the same responses.
 */
export function scaledFieldwork(
  study: LoadedStudy,
  quality: QualityConfig,
  options: {
    base: number;
    copies: number;
    onBase?: (responses: number) => void;
    onCopy?: (copy: number) => void;
  },
): SimulatedResponse[] {
  const n = Object.fromEntries(
    Object.entries(articleValidResponses).map(([id, count]) => [id, count * options.base]),
  );
  const base = simulateFieldwork(study, {
    seed: 2,
    n,
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 2 * options.base,
  });
  options.onBase?.(base.responses.length);
  return replicateResponses(study, base.responses, base.truth, options.copies, {
    seed: 3,
    onCopy: options.onCopy,
  });
}

/** `scaledFieldwork`, kept in a file between runs: simulating a million responses takes minutes. */
export function cachedScaledFieldwork(
  study: LoadedStudy,
  quality: QualityConfig,
  options: { base: number; copies: number; cacheFile: string; log?: (line: string) => void },
): SimulatedResponse[] {
  if (existsSync(options.cacheFile))
    return deserialize(readFileSync(options.cacheFile)) as SimulatedResponse[];
  options.log?.(`simulating ${options.base}× the article's sizes, × ${options.copies} copies…`);
  const responses = scaledFieldwork(study, quality, options);
  writeFileSync(options.cacheFile, serialize(responses));
  options.log?.(`cached ${responses.length} responses in ${options.cacheFile}`);
  return responses;
}
