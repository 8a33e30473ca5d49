import type { FastifyInstance } from "fastify";
import { ParallaxError } from "../errors.ts";

/**
 * How deep a request body may nest. Real bodies (answers with dynamic panels and matrices, paradata) stay
 * under ten levels; a 1 MiB body can nest 500,000 deep, which JSON.parse accepts but any recursive walk
 * (hashing the canonical body, validating answers) would overflow the stack on.
 */
export const maxJsonDepth = 64;

/** True when the value nests objects or arrays more than `limit` levels deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: object; depth: number }> = [];
  if (typeof value === "object" && value !== null) pending.push({ value, depth: 1 });
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > limit) return true;
    for (const item of Object.values(next.value)) {
      if (typeof item === "object" && item !== null) pending.push({ value: item, depth: next.depth + 1 });
    }
  }
  return false;
}

/** Refuses, with a 400 naming the limit, every request whose parsed body nests deeper than `limit`. */
export function limitJsonDepth(app: FastifyInstance, limit = maxJsonDepth): void {
  app.addHook("preValidation", async (request) => {
    if (nestsDeeperThan(request.body, limit)) {
      throw new ParallaxError("BAD_REQUEST", "The JSON body is nested too deeply", [
        { path: "$", message: `must not nest objects and arrays more than ${limit} levels deep` },
      ]);
    }
  });
}
