import { type Kysely, sql } from "kysely";
import { type AuditEntry, auditHash, type ChainedAuditEntry, genesisHash } from "../audit/auditChain.ts";
import type { DialectName } from "./openDatabase.ts";
import type { Database } from "./schema.ts";

export type NewAuditEntry = Omit<AuditEntry, "seq" | "at"> & { at?: string };

/** Any fixed number: every instance takes the same PostgreSQL advisory lock to append in turn. */
const appendLock = 727_001;

/** The append-only audit log. Appends are serialized so the hash chain stays one line, across instances too. */
export function auditRepository({ db, dialect }: { db: Kysely<Database>; dialect: DialectName }) {
  return {
    async append(entry: NewAuditEntry): Promise<ChainedAuditEntry> {
      return db.transaction().execute(async (trx) => {
        // SQLite runs one write transaction at a time already; PostgreSQL needs the lock.
        if (dialect === "postgres") {
          await sql`select pg_advisory_xact_lock(${appendLock})`.execute(trx);
        }
        const last = await trx
          .selectFrom("audit_log")
          .select(["seq", "hash"])
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        const full: AuditEntry = {
          seq: (last?.seq ?? 0) + 1,
          at: entry.at ?? new Date().toISOString(),
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          details: entry.details,
          source: entry.source,
        };
        const prevHash = last?.hash ?? genesisHash;
        const hash = auditHash(prevHash, full);
        await trx
          .insertInto("audit_log")
          .values({ ...full, details: JSON.stringify(full.details), prev_hash: prevHash, hash })
          .execute();
        return { ...full, prevHash, hash };
      });
    },

    async list(): Promise<ChainedAuditEntry[]> {
      const rows = await db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
      return rows.map((row) => ({
        seq: Number(row.seq),
        at: row.at,
        actor: row.actor,
        action: row.action,
        target: row.target,
        details: JSON.parse(row.details) as Record<string, unknown>,
        source: row.source,
        prevHash: row.prev_hash,
        hash: row.hash,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
