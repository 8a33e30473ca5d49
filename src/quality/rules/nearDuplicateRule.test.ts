import { describe, expect, it } from "vitest";
import { readQualityConfig } from "../../files/readQualityConfig.ts";
import { readStudyFolder } from "../../files/readStudyFolder.ts";
import { simulateFieldwork } from "../../simulate/simulateFieldwork.ts";
import { encodeAnswers } from "../encodeAnswers.ts";
import { createScreenContext, groupBy, median, sortByStart } from "../screenContext.ts";
import type { ScreenedResponse } from "../types.ts";
import { nearDuplicateRule } from "./nearDuplicateRule.ts";
import { exhaustiveMatches } from "./nearestMatches.ts";

const study = await readStudyFolder("examples/china-lac");
const quality = await readQualityConfig(study.directory);
const context = createScreenContext(study, quality);

/** Every pair of every site compared, written out from the rule's definition: "later id → earlier id". */
function exhaustiveScan(responses: ScreenedResponse[]): Map<string, string> {
  const settings = quality.rules.near_duplicate;
  const found = new Map<string, string>();
  for (const [population, unordered] of groupBy(responses, (response) => response.population)) {
    const group = sortByStart(unordered);
    const encoded = encodeAnswers(group, context.populations.get(population)?.outline ?? never());
    const sites = [...groupBy(group.keys(), (row) => String(group[row].site ?? "")).values()];
    const { fewestAny, fewestEarlier, earlierPartner } = exhaustiveMatches(encoded, sites);
    const maxima = Array.from(fewestAny, (differing) => 1 - differing / encoded.items);
    const center = median(maxima);
    const lowerQuartile = [...maxima].sort((a, b) => a - b)[Math.floor((maxima.length - 1) / 4)];
    const cut = Math.min(
      1 - 0.5 / encoded.items,
      Math.max(settings.minimumMatch, center + (settings.robustZ * (center - lowerQuartile)) / 0.6745),
    );
    group.forEach((response, row) => {
      if (earlierPartner[row] >= 0 && 1 - fewestEarlier[row] / encoded.items >= cut)
        found.set(response.id, group[earlierPartner[row]].id);
    });
  }
  return found;
}

function never(): never {
  throw new Error("population without an outline");
}

const flagged = (responses: ScreenedResponse[], pairLimit?: number) =>
  new Map(
    nearDuplicateRule(responses, context, pairLimit).flags.map((flag) => [flag.id, String(flag.evidence.of)]),
  );

/** A copy of `source` with one single-choice answer changed, started at `startedAt`. */
function nearCopy(source: ScreenedResponse, id: string, startedAt: string): ScreenedResponse {
  const outline = context.populations.get(source.population)?.outline ?? never();
  const question = outline.questions.find(
    (candidate) =>
      candidate.kind === "single" && candidate.choices.includes(String(source.answers[candidate.name])),
  );
  if (!question) never();
  const other = question.choices.find((choice) => choice !== String(source.answers[question.name]));
  return {
    ...source,
    id,
    answers: { ...source.answers, [question.name]: other },
    paradata: { ...source.paradata, startedAt },
  };
}

describe("near-duplicate rule", () => {
  it("flags exactly what the exhaustive scan of every site flags while the pairs are within the limit", () => {
    const simulation = simulateFieldwork(study, {
      seed: 21,
      quality,
      n: { china: 300, lac: 400 },
      faults: { near_duplicate: 0.05 },
      fabricatingInterviewers: 0,
    });
    const completed = simulation.responses.filter((response) => response.status !== "screened_out");
    const expected = exhaustiveScan(completed);
    expect(expected.size).toBeGreaterThan(5);
    expect(flagged(completed)).toEqual(expected);
  });

  it("compares within site and local fieldwork day above the limit", () => {
    const simulation = simulateFieldwork(study, {
      seed: 22,
      quality,
      n: { china: 80, lac: 0 },
      faults: {},
      fabricatingInterviewers: 0,
    });
    // One site, 50 responses on 11 April and 30 on 12 April (Shanghai time, UTC+8).
    const clean = simulation.responses
      .filter((response) => response.population === "china" && response.status !== "screened_out")
      .slice(0, 80)
      .map((response, index) => ({
        ...response,
        site: "beijing",
        paradata: {
          ...response.paradata,
          startedAt: new Date(Date.UTC(2025, 3, index < 50 ? 11 : 12, 1, index)).toISOString(),
        },
      }));
    expect(clean).toHaveLength(80);
    const original = clean[0];
    const responses = [
      ...clean,
      // 23:30 on 11 April in Shanghai: the original's day.
      nearCopy(original, "same-day", "2025-04-11T15:30:00.000Z"),
      // 00:30 on 12 April in Shanghai, though still 11 April in UTC: another day.
      nearCopy(original, "next-day", "2025-04-11T16:30:00.000Z"),
      // A copy of a 12 April response on 12 April.
      nearCopy(clean[60], "second-day", "2025-04-12T09:00:00.000Z"),
    ];
    expect(flagged(responses)).toEqual(
      new Map([
        ["same-day", original.id],
        ["next-day", original.id],
        ["second-day", clean[60].id],
      ]),
    );
    // 84 responses make 3,486 pairs. At a limit of 600 the site is split by day: 11 April (52 responses,
    // 1,326 pairs) is searched within the threshold's reach, 12 April (32 responses, 496 pairs) scanned.
    expect(flagged(responses, 600)).toEqual(
      new Map([
        ["same-day", original.id],
        ["second-day", clean[60].id],
      ]),
    );
    // At a limit of 1,500 both days are scanned pair by pair, with the same outcome.
    expect(flagged(responses, 1_500)).toEqual(flagged(responses, 600));
  });
});
