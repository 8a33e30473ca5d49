import type { DispositionCount } from "../../store/dispositionCounts.ts";
import { type AaporCounts, countsFromDispositions } from "./aaporCounts.ts";
import { type AaporRates, computeRates, type Rate, type RateName, rateNames } from "./computeRates.ts";

export type RatesGrouping = "population" | "site" | "mode";

export const optInNote =
  "Open-link responses (no invitation) are an opt-in sample: nobody knows how many eligible people saw the " +
  "link, so there is no denominator. AAPOR says response rates should not be reported for opt-in samples; " +
  "RR1–RR6, COOP1–COOP4, REF1–REF3 and CON1–CON3 do not apply to them and are computed from invitations " +
  "only. For opt-in responses Parallax reports a completion rate (completes among eligible respondents who " +
  "started), which is not a response rate.";

export interface InvitedSample extends AaporRates {
  counts: AaporCounts;
  cases: number;
}

export interface OptInSample {
  /** I completes, P partials, R break-offs, NE screened out or quota full; the other groups cannot occur. */
  counts: AaporCounts;
  cases: number;
  /** I / (I+P+R): completes among eligible respondents who started. A participation measure, not a response rate. */
  completionRate: Rate;
  /** R / (I+P+R). */
  breakOffRate: Rate;
  notApplicable: RateName[];
}

export interface RatesGroup {
  populationId: string;
  /** Present when grouped by site; null for cases without a site. */
  siteId?: string | null;
  /** Present when grouped by mode. */
  mode?: string;
  invited: InvitedSample;
  optIn: OptInSample;
}

export interface RatesReport {
  studyId: string;
  by: RatesGrouping;
  groups: RatesGroup[];
  optInNote: string;
}

export interface RatesReportOptions {
  by?: RatesGrouping;
  e?: number;
  /** The study's populations and their sites, in the study's order: every one is listed, even without cases. */
  populations?: Array<{ id: string; sites: string[] }>;
}

/** AAPOR rates per population (and site or mode) from disposition counts, invited and opt-in cases apart. */
export function ratesReport(
  studyId: string,
  counts: DispositionCount[],
  options: RatesReportOptions = {},
): RatesReport {
  const by = options.by ?? "population";
  const buckets = new Map<string, { key: GroupKey; invited: DispositionCount[]; open: DispositionCount[] }>();
  const bucket = (key: GroupKey) => {
    const id = JSON.stringify(key);
    let found = buckets.get(id);
    if (!found) {
      found = { key, invited: [], open: [] };
      buckets.set(id, found);
    }
    return found;
  };
  for (const population of options.populations ?? []) {
    if (by === "site")
      for (const site of population.sites) bucket({ populationId: population.id, siteId: site });
    else if (by === "population") bucket({ populationId: population.id });
  }
  for (const count of counts) {
    const key: GroupKey = { populationId: count.populationId };
    if (by === "site") key.siteId = count.siteId;
    if (by === "mode") key.mode = count.mode;
    const target = bucket(key);
    (count.sample === "invited" ? target.invited : target.open).push(count);
  }
  const order = groupOrder(options.populations ?? []);
  const groups = [...buckets.values()]
    .sort((a, b) => order(a.key) - order(b.key) || compareKeys(a.key, b.key))
    .map(({ key, invited, open }) => ({
      ...key,
      invited: invitedSample(countsFromDispositions(invited), options.e),
      optIn: optInSample(countsFromDispositions(open)),
    }));
  return { studyId, by, groups, optInNote };
}

interface GroupKey {
  populationId: string;
  siteId?: string | null;
  mode?: string;
}

function invitedSample(counts: AaporCounts, e: number | undefined): InvitedSample {
  return { counts, cases: total(counts), ...computeRates(counts, { e }) };
}

function optInSample(counts: AaporCounts): OptInSample {
  const started = counts.I + counts.P + counts.R;
  const share = (numerator: number, formula: string): Rate =>
    started === 0
      ? { value: null, formula, reason: "no eligible opt-in respondent started" }
      : { value: numerator / started, formula };
  return {
    counts,
    cases: total(counts),
    completionRate: share(counts.I, "I / (I+P+R)"),
    breakOffRate: share(counts.R, "R / (I+P+R)"),
    notApplicable: [...rateNames],
  };
}

function total(counts: AaporCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** Populations and sites in the study's order; anything the study does not list comes after, sorted. */
function groupOrder(populations: Array<{ id: string; sites: string[] }>): (key: GroupKey) => number {
  const rank = new Map<string, number>();
  for (const [index, population] of populations.entries()) {
    rank.set(population.id, index * 10_000);
    for (const [siteIndex, site] of population.sites.entries()) {
      rank.set(`${population.id}\u0000${site}`, index * 10_000 + siteIndex + 1);
    }
  }
  return (key) => {
    const population = rank.get(key.populationId) ?? Number.MAX_SAFE_INTEGER / 2;
    const site = key.siteId ? rank.get(`${key.populationId}\u0000${key.siteId}`) : undefined;
    return site ?? population + 9_999;
  };
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  const text = (key: GroupKey) => [key.populationId, key.siteId ?? "\uffff", key.mode ?? ""].join("\u0000");
  return text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
}
