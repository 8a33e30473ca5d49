import type { Kysely } from "kysely";
import { type Disposition, dispositionOfStatus, dispositions } from "../fieldwork/dispositions.ts";
import type { Database } from "./schema.ts";

/**
 * "invited": a personal invitation from a list, so the sample and its denominator are known.
 * "open": a response through an open link with no invitation: an opt-in sample without a denominator.
 */
export type SampleKind = "invited" | "open";

export interface DispositionCount {
  populationId: string;
  siteId: string | null;
  mode: string;
  sample: SampleKind;
  disposition: Disposition;
  count: number;
}

/** A stored status or invitation disposition that has no AAPOR reading: reported, never silently dropped. */
export interface UnclassifiedCount {
  populationId: string;
  sample: SampleKind;
  value: string;
  count: number;
}

export interface StudyDispositionCounts {
  counts: DispositionCount[];
  unclassified: UnclassifiedCount[];
}

/**
 * Final disposition counts of a study per population, site and mode. An invitation answered by a response takes
 * the response's disposition (and keeps its own site and mode, the ones it was sampled in); one answered more than
 * once counts once, by its most complete response; one never answered keeps its recorded disposition, `pending`
 * reading as unknown eligibility.
 */
export async function dispositionCounts(
  db: Kysely<Database>,
  studyId: string,
): Promise<StudyDispositionCounts> {
  const tally = new Tally();

  const open = await db
    .selectFrom("responses")
    .select([
      "population_id",
      "site_id",
      "mode",
      "status",
      (eb) => eb.fn.countAll<number | string>().as("count"),
    ])
    .where("study_id", "=", studyId)
    .where("invitation_id", "is", null)
    .groupBy(["population_id", "site_id", "mode", "status"])
    .execute();
  for (const row of open) {
    tally.add(
      "open",
      row.population_id,
      row.site_id,
      row.mode,
      readStatus(row.status),
      row.status,
      row.count,
    );
  }

  // One row per answered invitation and status, so an invitation answered twice is resolved here, not double counted.
  const answered = await db
    .selectFrom("responses")
    .leftJoin("invitations", "invitations.id", "responses.invitation_id")
    .select([
      "responses.invitation_id as invitation_id",
      "responses.population_id as population_id",
      "responses.status as status",
      (eb) => eb.fn.coalesce("invitations.site_id", "responses.site_id").as("site_id"),
      (eb) => eb.fn.coalesce("invitations.mode", "responses.mode").as("mode"),
    ])
    .where("responses.study_id", "=", studyId)
    .where("responses.invitation_id", "is not", null)
    .execute();
  const best = new Map<string, (typeof answered)[number]>();
  for (const row of answered) {
    const key = row.invitation_id as string;
    const current = best.get(key);
    if (!current || precedence(row.status) < precedence(current.status)) best.set(key, row);
  }
  for (const row of best.values()) {
    tally.add("invited", row.population_id, row.site_id, row.mode, readStatus(row.status), row.status, 1);
  }

  const unanswered = await db
    .selectFrom("invitations")
    .select([
      "population_id",
      "site_id",
      "mode",
      "disposition",
      (eb) => eb.fn.countAll<number | string>().as("count"),
    ])
    .where("study_id", "=", studyId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("responses")
            .select("responses.id")
            .whereRef("responses.invitation_id", "=", "invitations.id"),
        ),
      ),
    )
    .groupBy(["population_id", "site_id", "mode", "disposition"])
    .execute();
  for (const row of unanswered) {
    const disposition =
      row.disposition === "pending" ? "unknown_eligibility" : asDisposition(row.disposition);
    tally.add("invited", row.population_id, row.site_id, row.mode, disposition, row.disposition, row.count);
  }
  return tally.result();
}

const order = Object.keys(dispositions) as Disposition[];

/** Lower is more complete: dispositions are listed from complete to not eligible. */
function precedence(status: string): number {
  const disposition = readStatus(status);
  return disposition ? order.indexOf(disposition) : order.length;
}

function readStatus(status: string): Disposition | undefined {
  return Object.hasOwn(dispositionOfStatus, status) ? dispositionOfStatus[status] : undefined;
}

function asDisposition(value: string): Disposition | undefined {
  return Object.hasOwn(dispositions, value) ? (value as Disposition) : undefined;
}

class Tally {
  private readonly counts = new Map<string, DispositionCount>();
  private readonly unclassified = new Map<string, UnclassifiedCount>();

  add(
    sample: SampleKind,
    populationId: string,
    siteId: string | null,
    mode: string,
    disposition: Disposition | undefined,
    value: string,
    count: number | string,
  ): void {
    const n = Number(count);
    if (!disposition) {
      const key = JSON.stringify([sample, populationId, value]);
      const entry = this.unclassified.get(key) ?? { populationId, sample, value, count: 0 };
      entry.count += n;
      this.unclassified.set(key, entry);
      return;
    }
    const key = JSON.stringify([sample, populationId, siteId, mode, disposition]);
    const entry = this.counts.get(key) ?? { populationId, siteId, mode, sample, disposition, count: 0 };
    entry.count += n;
    this.counts.set(key, entry);
  }

  result(): StudyDispositionCounts {
    return { counts: [...this.counts.values()], unclassified: [...this.unclassified.values()] };
  }
}
