import { fileURLToPath } from "node:url";

/** The folder holding package.json, examples/ and dist/, wherever the command is run from. */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
