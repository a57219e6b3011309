import type { KnownWebhookEventName, WebhookEvent } from "@x/types";
import { problem, type Checked } from "./webhook-validation-error.js";

type RawEvent = Record<string, unknown>;

function missing(where: string, field: string, what: string): Checked<never> {
  return problem("invalid_event", `${where}.${field} must be ${what}`);
}

function parsed(event: WebhookEvent): Checked<WebhookEvent> {
  return { ok: true, value: event };
}

/**
 * A user id as Pusher sends it: a string. Presence `channel_data` may carry a numeric id
 * (PROTOCOL §5 has `"user_id":10`), which compatible servers echo as a number: it is kept as its
 * decimal string so that `user_id` is always a string.
 */
function userIdOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Client event `data` as Pusher sends it: a string. Compatible servers (soketi) forward the
 * object a client sent as it was: it is serialised once, so that `data` is always the string a
 * Pusher webhook would carry.
 */
function clientDataOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return value === undefined ? undefined : JSON.stringify(value);
}

function parseKnownEvent(
  raw: RawEvent,
  name: KnownWebhookEventName,
  channel: string,
  where: string,
): Checked<WebhookEvent> {
  switch (name) {
    case "channel_occupied":
    case "channel_vacated":
      return parsed({ name, channel });
    case "cache_miss":
      return parsed({ name, channel });
    case "member_added":
    case "member_removed": {
      const userId = userIdOf(raw.user_id);
      if (userId === undefined) return missing(where, "user_id", "a string");
      return parsed({ name, channel, user_id: userId });
    }
    case "subscription_count": {
      const count = raw.subscription_count;
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
        return missing(where, "subscription_count", "a non-negative integer");
      }
      return parsed({ name, channel, subscription_count: count });
    }
    case "client_event": {
      const { event, socket_id: socketId } = raw;
      const data = clientDataOf(raw.data);
      if (typeof event !== "string") return missing(where, "event", "a string");
      if (data === undefined) return missing(where, "data", "present");
      if (typeof socketId !== "string") return missing(where, "socket_id", "a string");
      if (raw.user_id === undefined) return parsed({ name: "client_event", channel, event, data, socket_id: socketId });
      const userId = userIdOf(raw.user_id);
      if (userId === undefined) return missing(where, "user_id", "a string when present");
      return parsed({ name: "client_event", channel, event, data, socket_id: socketId, user_id: userId });
    }
  }
}

const KNOWN_EVENT_NAMES: ReadonlySet<string> = new Set<KnownWebhookEventName>([
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
]);

function isKnownEventName(name: string): name is KnownWebhookEventName {
  return KNOWN_EVENT_NAMES.has(name);
}

/**
 * Parses one element of a webhook's `events` (PROTOCOL §7) into a typed event, or says what is
 * wrong with it. A known event keeps exactly its documented fields. An event whose name is not
 * known is kept whole, marked `known: false`, so that a new kind of server event does not make
 * receivers refuse every webhook.
 */
export function parseWebhookEvent(raw: unknown, index: number): Checked<WebhookEvent> {
  const where = `events[${index}]`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return problem("invalid_event", `${where} is not an object`);
  const { name, channel } = raw as RawEvent;
  if (typeof name !== "string") return missing(where, "name", "a string");
  if (!isKnownEventName(name)) {
    if (channel !== undefined && typeof channel !== "string") return missing(where, "channel", "a string when present");
    return parsed({ ...(raw as RawEvent), name, known: false });
  }
  if (typeof channel !== "string") return missing(where, "channel", "a string");
  return parseKnownEvent(raw as RawEvent, name, channel, where);
}
