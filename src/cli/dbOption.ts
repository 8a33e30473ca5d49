import { Option } from "commander";

export const defaultDatabase = process.env.PARALLAX_DB ?? "./parallax.db";

/** The one --db option every command that reads or writes stored data takes. */
export function dbOption(): Option {
  return new Option("--db <file-or-url>", "SQLite file or postgres:// URL").default(defaultDatabase);
}
