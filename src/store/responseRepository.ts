import { CompiledQuery, type Kysely, PostgresAdapter } from "kysely";
import { type InsertOnce, pgBatchedInsert } from "./batchedInsert.ts";
import { groupCommit } from "./groupCommit.ts";
import type { Database } from "./schema.ts";

export interface StoredResponse {
  id: string;
  studyId: string;
  populationId: string;
  questionnaireVersion: string;
  siteId: string | null;
  language: string;
  mode: string;
  status: string;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
  userAgent: string | null;
  bodyHash: string;
  receivedAt: string;
  invitationId?: string | null;
}

/** Responses, written once under the client's own id and never updated by a retry. */
export function responseRepository(db: Kysely<Database>) {
  return {
    /**
     * Inserts the response unless a row with its id exists; returns the stored row and whether this call
     * wrote it. A concurrent retry of the same id therefore stores exactly one row.
     */
    async insertOnce(response: StoredResponse): Promise<{ stored: StoredResponse; inserted: boolean }> {
      const values = Object.values(toRow(response));
      const batched = batchedInsertOnce(db);
      const inserted = batched
        ? await batched(response.id, values)
        : Number(
            (await groupCommit(db)({ ...insertOnceQuery(db), parameters: values })).numAffectedRows ?? 0,
          ) > 0;
      const stored = inserted ? response : await this.find(response.id);
      if (!stored) throw new Error(`response ${response.id} vanished after a conflicting insert`);
      return { stored, inserted };
    },

    /** Turns a saved partial response into its final form; false when it is no longer partial (a race lost). */
    async finalize(response: StoredResponse): Promise<boolean> {
      const result = await db
        .updateTable("responses")
        .set(toRow(response))
        .where("id", "=", response.id)
        .where("status", "=", "partial")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Saves answers in progress: inserts the partial response or updates it while it is still partial. */
    async savePartial(response: StoredResponse): Promise<boolean> {
      const { inserted } = await this.insertOnce(response);
      return inserted || (await this.finalize(response));
    },

    async find(id: string): Promise<StoredResponse | undefined> {
      const row = await db.selectFrom("responses").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async countBySite(studyId: string) {
      const rows = await db
        .selectFrom("responses")
        .select(["population_id", "site_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
        .where("study_id", "=", studyId)
        .groupBy(["population_id", "site_id", "status"])
        .execute();
      return rows.map((row) => ({
        populationId: row.population_id,
        siteId: row.site_id,
        status: row.status,
        count: Number(row.count),
      }));
    },

    /**
     * Stored responses per population, in a scan of the responses_by_population index alone (a tenth of a
     * second for a million, where countBySite reads every row).
     */
    async countByPopulation(studyId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom("responses")
        .select(["population_id", (eb) => eb.fn.countAll<number>().as("count")])
        .where("study_id", "=", studyId)
        .groupBy("population_id")
        .execute();
      return new Map(rows.map((row) => [row.population_id, Number(row.count)]));
    },

    /**
     * The study's responses in `list` order, each handed to `map` as soon as its row is read, a page of rows
     * at a time: the rows of a million responses, JSON texts included, do not fit in the heap beside the
     * parsed answers (the report ran out of memory loading them). SQLite streams the statement; PostgreSQL
     * reads through a cursor in one transaction.
     */
    async listMapped<T>(
      studyId: string,
      map: (response: StoredResponse) => T,
      { onRead = () => {}, pageRows = defaultPageRows, populations }: ListOptions = {},
    ): Promise<T[]> {
      const mapped: T[] = [];
      if (populations?.length === 0) return mapped;
      const query = listQuery(db, studyId, populations);
      const take = (row: ResponseRow) => {
        mapped.push(map(fromRow(row)));
        if (mapped.length % pageRows === 0) onRead(mapped.length);
      };
      if (!(db.getExecutor().adapter instanceof PostgresAdapter))
        for await (const row of query.stream(pageRows)) take(row);
      else
        await db.transaction().execute(async (trx) => {
          const { sql, parameters } = query.compile();
          await trx.executeQuery(
            CompiledQuery.raw(`declare responses_listed no scroll cursor for ${sql}`, [...parameters]),
          );
          for (;;) {
            const { rows } = await trx.executeQuery<ResponseRow>(
              CompiledQuery.raw(`fetch forward ${pageRows} from responses_listed`),
            );
            for (const row of rows) take(row);
            if (rows.length < pageRows) break;
          }
        });
      onRead(mapped.length);
      return mapped;
    },

    async list(studyId: string, populationId?: string): Promise<StoredResponse[]> {
      const rows = await listQuery(db, studyId, populationId).execute();
      return rows.map(fromRow);
    },
  };
}

export type ResponseRepository = ReturnType<typeof responseRepository>;

type ResponseRow = Database["responses"];

/**
 * A study's responses (or some populations'), oldest first, ties by id: the order every listing keeps, which
 * the indexes responses_in_order and responses_by_population hold (migration 0009), so no listing sorts.
 */
function listQuery(db: Kysely<Database>, studyId: string, populations?: string | readonly string[]) {
  let query = db.selectFrom("responses").selectAll().where("study_id", "=", studyId);
  if (typeof populations === "string") query = query.where("population_id", "=", populations);
  else if (populations) query = query.where("population_id", "in", populations);
  return query.orderBy("received_at").orderBy("id");
}

const defaultPageRows = 10_000;

interface ListOptions {
  /** Called with the number of responses read so far, after every page and at the end. */
  onRead?: (count: number) => void;
  /** Rows read per page (10,000). */
  pageRows?: number;
  /** Only these populations' responses (every population's when absent). */
  populations?: readonly string[];
}

const insertOnceQueries = new WeakMap<Kysely<Database>, CompiledQuery>();
const batchedInserts = new WeakMap<Kysely<Database>, InsertOnce | null>();

/** On PostgreSQL, concurrent submissions share one insert statement (see pgBatchedInsert). */
function batchedInsertOnce(db: Kysely<Database>): InsertOnce | null {
  let insert = batchedInserts.get(db);
  if (insert === undefined) {
    insert = pgBatchedInsert(db, "responses", Object.keys(toRow(templateResponse)), "id");
    batchedInserts.set(db, insert);
  }
  return insert;
}

/**
 * The insert-once statement compiled once per database handle: building and compiling it with Kysely on
 * every submission was a measurable share of the route's cost. Its parameters are a row's values in
 * `toRow`'s column order, which is the order the template was compiled with.
 */
function insertOnceQuery(db: Kysely<Database>): CompiledQuery {
  let query = insertOnceQueries.get(db);
  if (!query) {
    const template = Object.fromEntries(
      Object.keys(toRow(templateResponse)).map((column) => [column, column]),
    ) as unknown as ResponseRow;
    query = db
      .insertInto("responses")
      .values(template)
      .onConflict((conflict) => conflict.column("id").doNothing())
      .compile();
    insertOnceQueries.set(db, query);
  }
  return query;
}

const templateResponse: StoredResponse = {
  id: "",
  studyId: "",
  populationId: "",
  questionnaireVersion: "",
  siteId: null,
  language: "",
  mode: "",
  status: "",
  answers: {},
  paradata: {},
  userAgent: null,
  bodyHash: "",
  receivedAt: "",
  invitationId: null,
};

function toRow(response: StoredResponse): ResponseRow {
  return {
    id: response.id,
    study_id: response.studyId,
    population_id: response.populationId,
    questionnaire_version: response.questionnaireVersion,
    site_id: response.siteId,
    language: response.language,
    mode: response.mode,
    status: response.status,
    answers: JSON.stringify(response.answers),
    paradata: JSON.stringify(response.paradata),
    user_agent: response.userAgent,
    body_hash: response.bodyHash,
    received_at: response.receivedAt,
    invitation_id: response.invitationId ?? null,
  };
}

function fromRow(row: ResponseRow): StoredResponse {
  return {
    id: row.id,
    studyId: row.study_id,
    populationId: row.population_id,
    questionnaireVersion: row.questionnaire_version,
    siteId: row.site_id,
    language: row.language,
    mode: row.mode,
    status: row.status,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    paradata: JSON.parse(row.paradata) as Record<string, unknown>,
    userAgent: row.user_agent,
    bodyHash: row.body_hash,
    receivedAt: row.received_at,
    invitationId: row.invitation_id ?? null,
  };
}
