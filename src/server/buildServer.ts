import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { authenticate, type Guard, guardOf } from "./auth/authenticate.ts";
import type { ServerContext } from "./context.ts";
import { replyWithError } from "./errorHandler.ts";
import { limitJsonDepth } from "./limitJsonDepth.ts";
import { apiRoutes } from "./routes/apiRoutes.ts";
import { authRoutes } from "./routes/authRoutes.ts";
import { dashboardRoutes } from "./routes/dashboardRoutes.ts";
import { interviewerRoutes } from "./routes/interviewerRoutes.ts";
import { pageRoutes } from "./routes/pageRoutes.ts";
import { qualityRoutes } from "./routes/qualityRoutes.ts";
import { staffRoutes } from "./routes/staffRoutes.ts";
import { securityHeaders } from "./securityHeaders.ts";

/** Every route the server answers, with what it demands of the caller. */
export interface RouteEntry {
  method: string;
  url: string;
  guard?: Guard;
}

declare module "fastify" {
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

export interface ServerOptions {
  /** pino logging; off in tests. */
  logger?: boolean;
  /** Submissions per minute per client address on the responses route (default 600). */
  submissionRateLimit?: number;
}

/** Builds the Fastify app over a context; the caller decides where it listens. */
export async function buildServer(
  context: ServerContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    bodyLimit: 1024 * 1024,
    // Request ids in logs, never in replies; the client already sends its own response UUID.
    genReqId: () => crypto.randomUUID(),
  });
  app.setErrorHandler(replyWithError);
  const routes: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, guard: guardOf(route.preHandler) });
    }
  });
  app.decorate("routeCatalogue", routes);
  limitJsonDepth(app);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: "NOT_FOUND", message: `No route ${request.method} ${request.url}`, details: [] },
    });
  });
  // Helmet's headers worked out once (@fastify/helmet rebuilds its middleware for every request, and even
  // built once the middleware chain was a visible share of a submission's cost). The headers are the same.
  const headers = securityHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  authenticate(app, context);
  await authRoutes(app, context);
  await apiRoutes(app, context, { submissionRateLimit: options.submissionRateLimit });
  await staffRoutes(app, context);
  await qualityRoutes(app, context);
  await interviewerRoutes(app, context);
  await dashboardRoutes(app, context);
  await pageRoutes(app, context);
  return app;
}
