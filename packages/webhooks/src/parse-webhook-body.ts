import { problem, type Checked } from "./webhook-validation-error.js";

/** The envelope of a webhook (PROTOCOL §7), before its events are parsed. */
export interface WebhookEnvelope {
  timeMs: number;
  rawEvents: readonly unknown[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function invalidBody(message: string): Checked<never> {
  return problem("invalid_body", message);
}

function decode(body: string | Uint8Array): string | undefined {
  if (typeof body === "string") return body;
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

/**
 * Parses the raw body into `{time_ms, events}` (PROTOCOL §7), or says what is wrong with it.
 * Never throws: a body that is not UTF-8, not JSON (however deeply nested) or not shaped like
 * a webhook is an `invalid_body` problem.
 */
export function parseWebhookBody(body: string | Uint8Array): Checked<WebhookEnvelope> {
  const text = decode(body);
  if (text === undefined) return invalidBody("the body is not valid UTF-8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalidBody("the body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return invalidBody('the body must be a JSON object {"time_ms": …, "events": […]}');
  }
  const { time_ms: timeMs, events } = parsed as Record<string, unknown>;
  if (typeof timeMs !== "number" || !Number.isFinite(timeMs)) {
    return invalidBody("the body's time_ms must be a number (Unix milliseconds)");
  }
  if (!Array.isArray(events)) return invalidBody("the body's events must be an array");
  return { ok: true, value: { timeMs, rawEvents: events } };
}
