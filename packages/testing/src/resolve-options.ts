import type { Limits } from "./trigger-events.js";
import type { FakePusherOptions, WebhookEventName, WebhookOptions } from "./types.js";

export interface Settings {
  appId: string;
  key: string;
  secret: string;
  limits: Limits;
  webhooks: WebhookOptions | undefined;
  now: () => number;
}

const WEBHOOK_EVENTS: readonly WebhookEventName[] = [
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
];

// A value as the message shows it: JSON.stringify throws on a BigInt or a cycle.
function shown(value: unknown): string {
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `a value of type ${typeof value}`;
  }
}

/** The TypeError of a bad option, e.g. `startFakePusher: options.key must be …, got 42`. */
export const invalidOption = (caller: string, option: string, rule: string, value: unknown): TypeError =>
  new TypeError(`${caller}: options.${option} must be ${rule}, got ${shown(value)}`);

const invalid = (option: string, rule: string, value: unknown) => invalidOption("startFakePusher", option, rule, value);

/** A credential, or its default. They go into the URL unescaped, so they keep to characters a URL carries as they are. */
export function credential(caller: string, option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^[\w.~-]+$/.test(value))
    throw invalidOption(caller, option, "a non-empty string of letters, digits, _ . ~ -", value);
  return value;
}

function limit(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw invalid(`limits.${option}`, "a whole number from 1", value);
  return value;
}

function webhookOptions(value: FakePusherOptions["webhooks"]): WebhookOptions | undefined {
  if (value === undefined) return undefined;
  const options: WebhookOptions = typeof value === "string" ? { url: value } : typeof value === "function" ? { handler: value } : value;
  if (typeof options !== "object" || options === null)
    throw invalid("webhooks", "a URL, a handler or { url?, handler?, batch?, events? }", value);
  const { url, handler, batch, events } = options;
  if (url !== undefined && !(typeof url === "string" && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) {
    throw invalid("webhooks.url", "an http(s) URL", url);
  }
  if (handler !== undefined && typeof handler !== "function") throw invalid("webhooks.handler", "a function", handler);
  if (url === undefined && handler === undefined) throw invalid("webhooks", "given a url or a handler", value);
  if (batch !== undefined && typeof batch !== "boolean") throw invalid("webhooks.batch", "a boolean", batch);
  if (
    events !== undefined &&
    !(Array.isArray(events) && events.every((name: unknown) => (WEBHOOK_EVENTS as readonly unknown[]).includes(name)))
  ) {
    throw invalid("webhooks.events", `an array of ${WEBHOOK_EVENTS.join(", ")}`, events);
  }
  return { ...options };
}

/** The options with their defaults, each checked, with an error that names a bad one. */
export function resolveOptions(options: FakePusherOptions = {}): Settings {
  if (typeof options !== "object" || options === null) throw new TypeError("startFakePusher: options must be an object");
  const { limits = {}, now = Date.now } = options;
  if (typeof now !== "function") throw invalid("now", "a function returning milliseconds", now);
  return {
    appId: credential("startFakePusher", "appId", options.appId, "1000001"),
    key: credential("startFakePusher", "key", options.key, "fake-app-key"),
    secret: credential("startFakePusher", "secret", options.secret, "fake-app-secret"),
    limits: {
      maxPayloadBytes: limit("maxPayloadBytes", limits.maxPayloadBytes, 10_240),
      maxBatchSize: limit("maxBatchSize", limits.maxBatchSize, 10),
      maxChannelsPerTrigger: limit("maxChannelsPerTrigger", limits.maxChannelsPerTrigger, 100),
    },
    webhooks: webhookOptions(options.webhooks),
    now,
  };
}
