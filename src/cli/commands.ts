import type { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Each subcommand lives in its own file. Only the file of the command being run is loaded: the others pull
 * in heavy libraries (exceljs, jieba, survey-core, Fastify), and loading all of them would add seconds to
 * every command.
 */
const commands: Record<string, () => Promise<Register>> = {
  serve: async () => (await import("./serve.ts")).registerServeCommand,
  export: async () => (await import("./export.ts")).registerExportCommand,
  user: async () => (await import("./user.ts")).registerUserCommand,
  audit: async () => (await import("./audit.ts")).registerAuditCommand,
  study: async () => (await import("./studyLint.ts")).registerStudyLintCommand,
  stats: async () => (await import("./stats.ts")).registerStatsCommand,
  import: async () => (await import("./importXlsform.ts")).registerImportXlsformCommand,
  code: async () => (await import("./code.ts")).registerCodeCommand,
  codebook: async () => (await import("./codebook.ts")).registerCodebookCommand,
  keywords: async () => (await import("./keywords.ts")).registerKeywordsCommand,
  invite: async () => (await import("./invite.ts")).registerInviteCommand,
  assign: async () => (await import("./assign.ts")).registerAssignCommand,
  rates: async () => (await import("./rates.ts")).registerRatesCommand,
  simulate: async () => (await import("./simulate.ts")).registerSimulateCommand,
  quality: async () => (await import("./quality.ts")).registerQualityCommand,
  report: async () => (await import("./report.ts")).registerReportCommand,
};

/** Registers the command named in argv, or every command when none is (for help and errors). */
export async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const named = commands[argv[2] ?? ""];
  const loaders = named ? [named] : Object.values(commands);
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program);
}
