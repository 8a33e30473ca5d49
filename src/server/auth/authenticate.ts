import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { can, type Permission } from "../../access/roles.ts";
import { ParallaxError } from "../../errors.ts";
import { sessionRepository } from "../../store/sessionRepository.ts";
import type { User } from "../../store/userRepository.ts";
import { userRepository } from "../../store/userRepository.ts";
import type { ServerContext } from "../context.ts";

export const sessionCookie = "parallax_session";

declare module "fastify" {
  interface FastifyRequest {
    user?: User;
    csrfToken?: string;
    sessionToken?: string;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Finds the signed-in user from the session cookie, and refuses a state-changing request made with that
 * cookie unless it carries the session's CSRF token: a cookie alone is what a forged cross-site request has.
 */
export function authenticate(app: FastifyInstance, context: ServerContext): void {
  app.decorateRequest("user", undefined);
  app.decorateRequest("csrfToken", undefined);
  app.decorateRequest("sessionToken", undefined);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await sessionRepository(context.store.db).find(token);
    if (!session) return;
    const user = await userRepository(context.store.db).find(session.userId);
    if (!user || user.disabled) return;
    request.user = user;
    request.csrfToken = session.csrfToken;
    request.sessionToken = token;
    if (unsafeMethods.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken) {
      throw new ParallaxError("CSRF_FAILED");
    }
  });
}

/** A route guard: 401 when nobody is signed in, 403 when the role lacks the permission. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!request.user) throw new ParallaxError("UNAUTHENTICATED");
    if (!can(request.user.role, permission)) throw new ParallaxError("FORBIDDEN");
  };
}

/** The signed-in user, for handlers behind `requirePermission`. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new ParallaxError("UNAUTHENTICATED");
  return request.user;
}
