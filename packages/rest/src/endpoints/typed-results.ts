import type { ChannelAttributes, ChannelState, ChannelsList, PresenceUsers } from "@x/types";
import { isJsonObject } from "@x/types/internal";

// Response bodies are read tolerantly (docs/protocol.md §3): compatible servers answer `{}` or
// `{"ok":true}` where Pusher answers with data, and a missing part reads as empty.

/**
 * The `channels` of a trigger's response body, by channel name; `{}` when there are none.
 *
 * @example
 * ```ts
 * triggerChannels({ channels: { chat: { subscription_count: 2 } } }); // { chat: { subscription_count: 2 } }
 * triggerChannels({ ok: true }); // {}
 * ```
 */
export function triggerChannels(body: unknown): Record<string, ChannelAttributes> {
  return isJsonObject(body) && isJsonObject(body.channels) ? (body.channels as Record<string, ChannelAttributes>) : {};
}

/**
 * The per-event attributes of a batch's response body, exactly `count` of them: entry `i` is
 * event `i`'s, `{}` where the server gave none (`{}`, `{"ok":true}`, `{"batch":{}}`).
 *
 * @example
 * ```ts
 * batchEntries({ batch: [{ user_count: 1 }] }, 2); // [{ user_count: 1 }, {}]
 * ```
 */
export function batchEntries(body: unknown, count: number): ChannelAttributes[] {
  const batch: unknown[] = isJsonObject(body) && Array.isArray(body.batch) ? body.batch : [];
  const entries: ChannelAttributes[] = [];
  for (let index = 0; index < count; index++) {
    const entry = batch[index];
    entries.push(isJsonObject(entry) ? entry : {});
  }
  return entries;
}

/**
 * The body of `GET /channels` as a {@link ChannelsList}.
 *
 * @example
 * ```ts
 * toChannelsList({ channels: { "presence-room": { user_count: 3 } } });
 * ```
 */
export function toChannelsList(body: unknown): ChannelsList {
  // The same `channels` object as a trigger's answer, with other attributes inside.
  return { channels: triggerChannels(body) };
}

/**
 * The body of `GET /channels/<name>` as a {@link ChannelState}; `occupied` is `false` unless the
 * server said `true`.
 *
 * @example
 * ```ts
 * toChannelState({ occupied: true, subscription_count: 2 }); // { occupied: true, subscription_count: 2 }
 * ```
 */
export function toChannelState(body: unknown): ChannelState {
  return isJsonObject(body) ? { ...body, occupied: body.occupied === true } : { occupied: false };
}

/**
 * The body of `GET /channels/<name>/users` as {@link PresenceUsers}.
 *
 * @example
 * ```ts
 * toPresenceUsers({ users: [{ id: "1" }] }); // { users: [{ id: "1" }] }
 * ```
 */
export function toPresenceUsers(body: unknown): PresenceUsers {
  return { users: isJsonObject(body) && Array.isArray(body.users) ? (body.users as PresenceUsers["users"]) : [] };
}
