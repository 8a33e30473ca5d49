import type { Store } from "../store/openDatabase.ts";
import type { StudyCatalogue } from "./studyCatalogue.ts";
import type { SubmitDeps } from "./submitResponse.ts";

export interface FieldworkContext extends SubmitDeps {
  store: Store;
  catalogue: StudyCatalogue;
}
