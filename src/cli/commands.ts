import type { Command } from "commander";
import { registerExportCommand } from "./export.ts";
import { registerServeCommand } from "./serve.ts";

/** Each subcommand lives in its own file and adds itself here. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerExportCommand(program);
}
