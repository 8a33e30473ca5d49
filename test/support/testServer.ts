import { ensureWebBuilt } from "../../src/files/ensureWebBuilt.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../../src/server/openParallax.ts";
import { createTestDatabase, type TestDatabase } from "./stores.ts";

export interface TestServer {
  parallax: ParallaxInstance;
  database: TestDatabase;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** A real server on a fresh database of the dialect, fielding one study folder, listening on a free port. */
export async function startTestServer(
  dialect: "sqlite" | "postgres",
  studyDirectory: string,
  options: { openFieldwork?: boolean } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const study = await readStudyFolder(studyDirectory);
  const parallax = await openParallax({
    db: database.url,
    studies: [study],
    webRoot: await ensureWebBuilt(() => {}),
    openFieldwork: options.openFieldwork,
  });
  const origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
  return {
    parallax,
    database,
    origin,
    close: async () => {
      await parallax.close();
      await database.drop();
    },
  };
}
