import { decodeMasterKey, decryptPayload } from "@x/signing";
import { isEncryptedChannel, isJsonObject } from "@x/types/internal";
import type { KnownWebhookEvent, WebhookEvent } from "./webhook-events.js";
import type { WebhookDecryptor, WebhookValidationError } from "./webhook-types.js";

type Problems = WebhookValidationError[];

const KNOWN_NAMES: ReadonlySet<string> = new Set<KnownWebhookEvent["name"]>([
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** What `run` returns, or `undefined` when it throws: hostile input and a failing callback never escape. */
export function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function refuse(problems: Problems, code: WebhookValidationError["code"], message: string): undefined {
  problems.push({ code, message });
  return undefined;
}

/** The body's `time_ms` and `events` (docs/protocol.md §7), or `undefined` with the reason in `problems`. */
export function parseWebhookBody(body: string | Uint8Array, problems: Problems) {
  const invalid = (message: string) => refuse(problems, "invalid_body", message);
  const text = typeof body === "string" ? body : attempt(() => utf8.decode(body));
  if (text === undefined) return invalid("the body is not valid UTF-8");
  // JSON.parse reads any depth, and throws only on text that is not JSON.
  const parsed = attempt((): unknown => JSON.parse(text));
  if (parsed === undefined) return invalid("the body is not valid JSON");
  if (!isJsonObject(parsed)) return invalid('the body must be a JSON object {"time_ms": …, "events": […]}');
  const { time_ms: timeMs, events } = parsed;
  if (typeof timeMs !== "number" || !Number.isFinite(timeMs)) return invalid("the body's time_ms must be a number");
  if (!Array.isArray(events)) return invalid("the body's events must be an array");
  return { timeMs, events: events as unknown[] };
}

/** The typed events, and what is wrong with each in `problems`; a known event keeps only its documented fields. */
export function parseWebhookEvents(events: readonly unknown[], problems: Problems, decryptor?: WebhookDecryptor): WebhookEvent[] {
  const parsed: WebhookEvent[] = [];
  events.forEach((raw, index) => {
    const event = parseEvent(raw, `events[${index}]`, problems, decryptor);
    if (event !== undefined) parsed.push(event);
  });
  return parsed;
}

// Pusher sends strings; a compatible server echoes a numeric id from presence data (docs/protocol.md §5).
function userIdOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return Number.isFinite(value) ? String(value) : undefined;
}

function parseEvent(raw: unknown, where: string, problems: Problems, decryptor?: WebhookDecryptor): WebhookEvent | undefined {
  const invalid = (field: string, what: string) => refuse(problems, "invalid_event", `${where}.${field} must be ${what}`);
  if (!isJsonObject(raw)) return refuse(problems, "invalid_event", `${where} is not an object`);
  const { name, channel } = raw;
  if (typeof name !== "string") return invalid("name", "a string");
  if (!KNOWN_NAMES.has(name)) {
    if (channel !== undefined && typeof channel !== "string") return invalid("channel", "a string when present");
    return { ...raw, name, known: false };
  }
  if (typeof channel !== "string") return invalid("channel", "a string");
  const known = name as KnownWebhookEvent["name"];
  switch (known) {
    case "member_added":
    case "member_removed": {
      const userId = userIdOf(raw.user_id);
      return userId === undefined ? invalid("user_id", "a string") : { name: known, channel, user_id: userId };
    }
    case "subscription_count": {
      const count = raw.subscription_count;
      if (!Number.isSafeInteger(count) || (count as number) < 0) return invalid("subscription_count", "a non-negative integer");
      return { name: known, channel, subscription_count: count as number };
    }
    case "client_event": {
      const { event, socket_id: socketId, data: rawData } = raw;
      // soketi forwards a client's object as is: serialised here, as Pusher sends it (JSON.stringify throws if too deep).
      const data = typeof rawData === "string" || rawData === undefined ? rawData : attempt(() => JSON.stringify(rawData));
      const userId = userIdOf(raw.user_id);
      if (typeof event !== "string") return invalid("event", "a string");
      if (rawData === undefined) return invalid("data", "present");
      if (data === undefined) return invalid("data", "JSON nested shallowly enough to serialize");
      if (typeof socketId !== "string") return invalid("socket_id", "a string");
      if (raw.user_id !== undefined && userId === undefined) return invalid("user_id", "a string when present");
      // An application's own decryptor may answer anything: only a string is data.
      const shown: unknown = decryptor === undefined ? data : attempt(() => decryptor(channel, data));
      if (typeof shown !== "string") {
        return refuse(problems, "decryption_failed", `${where}.data did not decrypt (wrong master key, tampered or not encrypted)`);
      }
      const member = userId === undefined ? {} : { user_id: userId };
      return { name: known, channel, event, data: shown, socket_id: socketId, ...member };
    }
    case "cache_miss":
      return { name: known, channel };
    default:
      return { name: known, channel };
  }
}

/**
 * Decrypts client events on `private-encrypted-` channels (docs/protocol.md §6) with the app's master
 * key, checked here once (a `PusherConfigError` naming `encryptionMasterKeyBase64`, never echoing it).
 * Opt-in, so that a receiver that only verifies webhooks does not bundle the cipher.
 * @example
 * ```ts
 * const decryptor = createWebhookDecryptor(env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64);
 * const verdict = verifyWebhook(credentials, delivery, { decryptor });
 * ```
 */
export function createWebhookDecryptor(encryptionMasterKeyBase64: string): WebhookDecryptor {
  const masterKey = decodeMasterKey(encryptionMasterKeyBase64);
  return (channelName, data) => (isEncryptedChannel(channelName) ? decryptPayload(channelName, data, masterKey) : data);
}
