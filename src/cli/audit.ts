import type { Command } from "commander";
import { verifyAuditChain } from "../audit/auditChain.ts";
import { auditRepository } from "../store/auditRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { dbOption } from "./dbOption.ts";

export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("the audit log");
  audit
    .command("verify")
    .description("check the audit log's hash chain and name any altered, inserted or removed entry")
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const store = await openDatabase(options.db);
      try {
        const entries = await auditRepository(store).list();
        const problems = verifyAuditChain(entries);
        for (const problem of problems) process.stdout.write(`entry ${problem.seq}: ${problem.message}\n`);
        process.stdout.write(
          problems.length === 0
            ? `The audit log is intact: ${entries.length} entries.\n`
            : `The audit log was tampered with: ${problems.length} problem(s) in ${entries.length} entries.\n`,
        );
        if (problems.length > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
