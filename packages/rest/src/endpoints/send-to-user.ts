import type { TriggerResult } from "@x/types";
import { SERVER_TO_USER_CHANNEL_PREFIX, validateUserId } from "@x/types/internal";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import type { RequestOptions } from "../rest-client.js";
import { trigger } from "./trigger.js";

/**
 * Sends an event to every connection of a signed-in user: a trigger on the server-reserved
 * channel `#server-to-user-<userId>` (docs/protocol.md §3, §4).
 *
 * @example
 * ```ts
 * await sendToUser(context, "user-42", "notification", { text: "hello" });
 * ```
 */
export async function sendToUser(
  context: ClientContext,
  userId: string,
  event: string,
  data: unknown,
  givenOptions?: RequestOptions,
): Promise<TriggerResult> {
  const options = callOptions(givenOptions);
  validateUserId(userId);
  return trigger(context, `${SERVER_TO_USER_CHANNEL_PREFIX}${userId}`, event, data, { signal: options.signal }, true);
}
