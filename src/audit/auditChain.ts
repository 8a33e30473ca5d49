import { createHash } from "node:crypto";
import { canonicalJson } from "../study/canonicalJson.ts";

/** One audit entry: who did what to what, when and from where. */
export interface AuditEntry {
  seq: number;
  at: string;
  /** The user's email, or "system" / "anonymous". */
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  /** The client address, or "cli" for a command run on the server. */
  source: string;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export const genesisHash = "0".repeat(64);

/** Each entry's hash covers its content and the previous hash, so any change breaks every later link. */
export function auditHash(prevHash: string, entry: AuditEntry): string {
  const { seq, at, actor, action, target, details, source } = entry;
  return createHash("sha256")
    .update(prevHash)
    .update(canonicalJson({ seq, at, actor, action, target, details, source }))
    .digest("hex");
}

export interface AuditProblem {
  seq: number;
  message: string;
}

/**
 * Walks the chain in order and names every entry that was altered, inserted or removed: an altered entry
 * no longer hashes to its stored hash; an inserted or removed one breaks the sequence or the link to its
 * predecessor.
 */
export function verifyAuditChain(entries: ChainedAuditEntry[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = genesisHash;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      problems.push({
        seq: entry.seq,
        message:
          entry.seq > expectedSeq
            ? `entries ${expectedSeq}–${entry.seq - 1} are missing (removed)`
            : `entry ${entry.seq} appears out of order or twice (inserted)`,
      });
    }
    if (entry.prevHash !== prevHash) {
      problems.push({
        seq: entry.seq,
        message: "does not link to the entry before it (an entry was inserted or removed)",
      });
    }
    if (auditHash(entry.prevHash, entry) !== entry.hash) {
      problems.push({ seq: entry.seq, message: "its content was altered after it was written" });
    }
    prevHash = entry.hash;
    expectedSeq = Math.max(expectedSeq, entry.seq) + 1;
  }
  return problems;
}
