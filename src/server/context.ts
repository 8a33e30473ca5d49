import type { FieldworkContext } from "../fieldwork/fieldworkContext.ts";

/** Everything the HTTP layer needs, passed in so tests run the real parts without mocking modules. */
export interface ServerContext extends FieldworkContext {
  /** The built web app (Vite output); respondent pages are served from here. */
  webRoot: string;
}
