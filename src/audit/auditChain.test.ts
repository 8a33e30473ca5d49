import { describe, expect, it } from "vitest";
import {
  type AuditEntry,
  auditHash,
  type ChainedAuditEntry,
  genesisHash,
  verifyAuditChain,
} from "./auditChain.ts";

function chain(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const entry: AuditEntry = {
      seq,
      at: `2025-05-0${seq}T10:00:00.000Z`,
      actor: "admin@example.org",
      action: "export",
      target: "china-lac",
      details: { rows: seq },
      source: "127.0.0.1",
    };
    const hash = auditHash(prevHash, entry);
    entries.push({ ...entry, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe("verifyAuditChain", () => {
  it("accepts an untouched chain", () => {
    expect(verifyAuditChain(chain(5))).toEqual([]);
  });

  it("names an altered entry", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], actor: "intruder@example.org" };
    expect(verifyAuditChain(entries)).toEqual([
      { seq: 3, message: "its content was altered after it was written" },
    ]);
  });

  it("names a removed entry", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries).map((problem) => problem.seq)).toEqual([3, 3]);
    expect(verifyAuditChain(entries)[0].message).toMatch(/entries 2–2 are missing/);
  });

  it("names an inserted entry, even one rehashed to look right", () => {
    const entries = chain(4);
    const forged: AuditEntry = { ...entries[1], details: { rows: 99 } };
    const forgedEntry = {
      ...forged,
      prevHash: entries[1].prevHash,
      hash: auditHash(entries[1].prevHash, forged),
    };
    entries.splice(2, 0, forgedEntry);
    const problems = verifyAuditChain(entries);
    expect(problems.map((problem) => problem.seq)).toContain(2);
    expect(problems.length).toBeGreaterThan(0);
  });
});
