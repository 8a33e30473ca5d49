import { Command, CommanderError } from "commander";
import { formatError, isParallaxError } from "../errors.ts";
import { registerCommands } from "./commands.ts";

/** Runs the `parallax` command line and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("parallax")
    .description("Parallax: cross-national, multilingual survey research")
    .exitOverride()
    .showHelpAfterError();
  await registerCommands(program, argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isParallaxError(error)) {
      process.stderr.write(`${formatError(error)}\n`);
      return error.exitCode;
    }
    process.stderr.write(`error INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
