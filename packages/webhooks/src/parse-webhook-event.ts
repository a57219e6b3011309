import { isJsonObject } from "@x/types/internal";
import type { KnownWebhookEventName, WebhookEvent } from "./webhook-events.js";
import type { WebhookDecryptor } from "./webhook-decryptor.js";
import { refuse, type WebhookValidationError } from "./webhook-validation-error.js";

const KNOWN_EVENT_NAMES: ReadonlySet<string> = new Set<KnownWebhookEventName>([
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
]);

/**
 * A user id as Pusher sends it: a string. Presence `channel_data` may carry a numeric id
 * (docs/protocol.md §5 has `"user_id":10`), which compatible servers echo as a number: it is kept as its
 * decimal string so that `user_id` is always a string.
 */
function userIdOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return Number.isFinite(value) ? String(value) : undefined;
}

/**
 * The JSON text of a value parsed from JSON, or `undefined` when it cannot be written again:
 * JSON.parse reads any depth, JSON.stringify overflows the stack on deep nesting (a 500,000-level
 * array fits in a 1 MiB body), and an unauthenticated sender must not make that throw.
 */
function reserialized(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Parses one element of a webhook's `events` (docs/protocol.md §7) into a typed event, or records in
 * `problems` what is wrong with it and returns `undefined`. A known event keeps exactly its
 * documented fields. An event whose name is not known is kept whole, marked `known: false`, so
 * that a new kind of server event does not make receivers refuse every webhook. With a
 * `decryptor`, a client event's `data` is what the decryptor returns; data it cannot decrypt is
 * a `decryption_failed` problem.
 */
export function parseWebhookEvent(
  raw: unknown,
  index: number,
  problems: WebhookValidationError[],
  decryptor: WebhookDecryptor | undefined,
): WebhookEvent | undefined {
  const where = `events[${index}]`;
  const invalid = (field: string, what: string) => refuse(problems, "invalid_event", `${where}.${field} must be ${what}`);
  if (!isJsonObject(raw)) {
    return refuse(problems, "invalid_event", `${where} is not an object`);
  }
  const { name, channel } = raw;
  if (typeof name !== "string") return invalid("name", "a string");
  if (!KNOWN_EVENT_NAMES.has(name)) {
    if (channel !== undefined && typeof channel !== "string") return invalid("channel", "a string when present");
    return { ...raw, name, known: false };
  }
  if (typeof channel !== "string") return invalid("channel", "a string");
  const known = name as KnownWebhookEventName;
  switch (known) {
    case "member_added":
    case "member_removed": {
      const userId = userIdOf(raw.user_id);
      return userId === undefined ? invalid("user_id", "a string") : { name: known, channel, user_id: userId };
    }
    case "subscription_count": {
      const count = raw.subscription_count;
      return Number.isSafeInteger(count) && (count as number) >= 0
        ? { name: known, channel, subscription_count: count as number }
        : invalid("subscription_count", "a non-negative integer");
    }
    case "client_event": {
      const { event, socket_id: socketId, user_id: rawUserId } = raw;
      // Compatible servers (soketi) forward the object a client sent: it is serialised once, so
      // that `data` is always the string a Pusher webhook would carry.
      const data = typeof raw.data === "string" || raw.data === undefined ? raw.data : reserialized(raw.data);
      const userId = userIdOf(rawUserId);
      if (typeof event !== "string") return invalid("event", "a string");
      if (data === undefined) return invalid("data", raw.data === undefined ? "present" : "JSON nested shallowly enough to serialize");
      if (typeof socketId !== "string") return invalid("socket_id", "a string");
      if (rawUserId !== undefined && userId === undefined) return invalid("user_id", "a string when present");
      let shown: unknown = data;
      try {
        if (decryptor !== undefined) shown = decryptor(channel, data);
      } catch {
        shown = undefined;
      }
      // An application's own decryptor may answer anything: only a string is data.
      if (typeof shown !== "string") {
        return refuse(
          problems,
          "decryption_failed",
          `${where}.data did not decrypt (wrong master key, tampered or not encrypted)`,
        );
      }
      return { name: known, channel, event, data: shown, socket_id: socketId, ...(userId === undefined ? {} : { user_id: userId }) };
    }
    case "cache_miss":
      return { name: known, channel };
    default:
      // channel_occupied and channel_vacated carry nothing else.
      return { name: known, channel };
  }
}
