import { validateUserId } from "@x/types/internal";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import type { RequestOptions } from "../rest-client.js";

/**
 * Disconnects every connection of a signed-in user: `POST /users/<userId>/terminate_connections`
 * with the body `{}` (docs/protocol.md §3).
 *
 * @example
 * ```ts
 * await terminateUserConnections(context, "user-42");
 * ```
 */
export async function terminateUserConnections(
  context: ClientContext,
  userId: string,
  givenOptions?: RequestOptions,
): Promise<void> {
  const options = callOptions(givenOptions);
  validateUserId(userId);
  await context.send({
    method: "POST",
    path: `/users/${userId}/terminate_connections`,
    body: "{}",
    signal: options.signal,
  });
}
