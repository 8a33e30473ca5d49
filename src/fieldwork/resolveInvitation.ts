import type { Kysely } from "kysely";
import { ParallaxError } from "../errors.ts";
import { type Invitation, invitationRepository } from "../store/invitationRepository.ts";
import type { Database } from "../store/schema.ts";

interface Place {
  studyId: string;
  populationId: string;
  responseId: string;
}

const used = () =>
  new ParallaxError("INVITATION_USED", undefined, [
    { path: "token", message: "already used for another response" },
  ]);

/** The invitation a token opens, checked for this questionnaire and for not being another response's already. */
export async function findInvitation(
  db: Kysely<Database>,
  token: string | undefined,
  place: Place,
): Promise<Invitation | undefined> {
  if (token === undefined) return undefined;
  const invitation = await invitationRepository(db).findByToken(token);
  if (!invitation || invitation.studyId !== place.studyId || invitation.populationId !== place.populationId) {
    throw new ParallaxError("INVITATION_INVALID", undefined, [
      { path: "token", message: "no such invitation for this questionnaire" },
    ]);
  }
  if (invitation.responseId !== null && invitation.responseId !== place.responseId) throw used();
  return invitation;
}

/**
 * Binds the invitation to the response, once: called only after the answers passed their checks, so a
 * rejected payload changes nothing. The conditional update makes a race between two devices safe.
 */
export async function bindInvitation(
  db: Kysely<Database>,
  invitation: Invitation | undefined,
  responseId: string,
): Promise<void> {
  if (invitation && !(await invitationRepository(db).bind(invitation.id, responseId))) throw used();
}
