import { ensureWebBuilt } from "../../src/files/ensureWebBuilt.ts";

/** Browser and server tests need the built web app; build it once before any test runs. */
export default async function setup(): Promise<void> {
  await ensureWebBuilt((line) => console.log(line));
}
