import { isJsonObject } from "@x/types/internal";
import { refuse, type WebhookValidationError } from "./webhook-validation-error.js";

/** The envelope of a webhook (docs/protocol.md §7), before its events are parsed. */
export interface WebhookEnvelope {
  time_ms: number;
  events: readonly unknown[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses the raw body into `{time_ms, events}` (docs/protocol.md §7), or records in `problems` what is
 * wrong with it and returns `undefined`. Never throws: a body that is not UTF-8, not JSON
 * (however deeply nested) or not shaped like a webhook is an `invalid_body` problem.
 */
export function parseWebhookBody(body: string | Uint8Array, problems: WebhookValidationError[]): WebhookEnvelope | undefined {
  const invalid = (message: string) => refuse(problems, "invalid_body", message);
  let text: string;
  try {
    text = typeof body === "string" ? body : utf8.decode(body);
  } catch {
    return invalid("the body is not valid UTF-8");
  }
  let parsed;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return invalid("the body is not valid JSON");
  }
  if (!isJsonObject(parsed)) {
    return invalid('the body must be a JSON object {"time_ms": …, "events": […]}');
  }
  if (!Number.isFinite(parsed.time_ms)) return invalid("the body's time_ms must be a number");
  if (!Array.isArray(parsed.events)) return invalid("the body's events must be an array");
  return parsed as unknown as WebhookEnvelope;
}
