import type { Command } from "commander";
import { registerAuditCommand } from "./audit.ts";
import { registerCodeCommand } from "./code.ts";
import { registerCodebookCommand } from "./codebook.ts";
import { registerExportCommand } from "./export.ts";
import { registerImportXlsformCommand } from "./importXlsform.ts";
import { registerServeCommand } from "./serve.ts";
import { registerStatsCommand } from "./stats.ts";
import { registerStudyLintCommand } from "./studyLint.ts";
import { registerUserCommand } from "./user.ts";

/** Each subcommand lives in its own file and adds itself here. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerExportCommand(program);
  registerUserCommand(program);
  registerAuditCommand(program);
  registerStudyLintCommand(program);
  registerStatsCommand(program);
  registerImportXlsformCommand(program);
  registerCodeCommand(program);
  registerCodebookCommand(program);
}
