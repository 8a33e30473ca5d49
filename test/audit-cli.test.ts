import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runParallax } from "./support/runParallax.ts";

const directory = mkdtempSync(join(tmpdir(), "parallax-audit-"));
const db = join(directory, "audit.db");

/** The exit code and standard output (what the assertions compare whole). */
async function parallax(...args: string[]): Promise<{ code: number; stdout: string }> {
  const { code, stdout } = await runParallax(args);
  return { code, stdout };
}

describe("parallax audit verify", () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("passes on an intact log and names the entry an intruder altered", async () => {
    const emails: string[] = [];
    for (const role of ["admin", "analyst", "manager"]) {
      const added = await parallax(
        "user",
        "add",
        "--email",
        `${role}-${randomUUID().slice(0, 4)}@example.org`,
        "--name",
        role,
        "--role",
        role,
        "--db",
        db,
      );
      expect(added.stdout).toMatch(/password: \S{20}/);
      emails.push(added.stdout.split(" ")[1]);
    }
    const changed = await parallax("user", "set-role", "--email", emails[1], "--role", "manager", "--db", db);
    expect(changed.stdout).toBe(`${emails[1]} is now manager\n`);
    const intact = await parallax("audit", "verify", "--db", db);
    expect(intact).toEqual({ code: 0, stdout: "The audit log is intact: 4 entries.\n" });

    const sqlite = new Database(db);
    sqlite.prepare("update audit_log set details = ? where seq = 2").run(JSON.stringify({ role: "admin" }));
    sqlite.close();
    const tampered = await parallax("audit", "verify", "--db", db);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("entry 2: its content was altered after it was written");
  });
});
