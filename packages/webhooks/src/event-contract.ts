import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { EventSchemas } from "@x/types";
import { PusherWebhookError } from "@x/types";
import { isEncryptedChannel, requireOption } from "@x/types/internal";
import { attempt } from "./parse-webhook.js";
import { isKnownWebhookEvent } from "./webhook-events.js";
import type { ClientEventWebhook, ContractWebhookEvent, WebhookEvent } from "./webhook-events.js";

/** Checks the `eventSchemas` option, an object of Standard Schemas by event name, and reads each schema once. */
export function resolveEventContract(eventSchemas: unknown): ReadonlyMap<string, StandardSchemaV1.Props> | undefined {
  if (eventSchemas === undefined) return undefined;
  // Own names only: an event called "constructor" or "__proto__" is not in a contract that does not name it.
  const read = (schemas: object) =>
    Object.entries(schemas).map(([name, schema]) => [name, (schema as StandardSchemaV1)["~standard"]] as const);
  const entries = attempt(() => read(eventSchemas as object));
  const valid = typeof eventSchemas === "object" && entries?.every(([, props]) => typeof props?.validate === "function") === true;
  requireOption(valid, "eventSchemas", "an object of Standard Schemas (zod, valibot, …) by event name");
  return new Map(entries);
}

/**
 * The events, each client event's `data` replaced by its schema's output. One that breaks the contract is left out
 * and told to `report`: it comes from a browser, not Pusher, and would fail again on every retry, so it gets a 200.
 */
export async function applyEventContract(
  events: readonly WebhookEvent[],
  contract: ReadonlyMap<string, StandardSchemaV1.Props> | undefined,
  decryptor: unknown,
  report: (error: PusherWebhookError) => Promise<void>,
): Promise<readonly ContractWebhookEvent<EventSchemas>[]> {
  if (contract === undefined) return events;
  const kept: ContractWebhookEvent<EventSchemas>[] = [];
  for (const event of events) {
    if (!isKnownWebhookEvent(event) || event.name !== "client_event") {
      kept.push(event);
      continue;
    }
    const result = await checkData(event, contract.get(event.event), decryptor !== undefined);
    if (Array.isArray(result)) await report(new PusherWebhookError(result));
    else kept.push({ ...event, data: result.value });
  }
  return kept;
}

async function checkData(event: ClientEventWebhook, schema: StandardSchemaV1.Props | undefined, decrypted: boolean) {
  const which = `client event "${event.event}"`;
  if (schema === undefined) return [`${which} is not in eventSchemas`];
  if (!decrypted && isEncryptedChannel(event.channel)) return [`${which} is encrypted: give the handler a decryptor to check it`];
  // As pusher-js reads event data: JSON when it parses, else the text as sent.
  const parsed = attempt(() => ({ json: JSON.parse(event.data) as unknown }));
  const data = parsed === undefined ? event.data : parsed.json;
  const result = await schema.validate(data);
  if (!result.issues) return result;
  return result.issues.map((issue) => {
    const path = (issue.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment));
    return `${which}: ${pathText(path)}: ${withoutValue(issue.message, valueAt(data, path))}`;
  });
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`), "data");

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  const step = (value: unknown, key: PropertyKey) =>
    typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return path.reduce(step, data);
}

// Some schemas quote the value they refused ("…but received 123"): the error must never show the data.
function withoutValue(message: string, value: unknown): string {
  if (typeof value === "string") {
    return message.replaceAll(`"${value}"`, "<value>").replaceAll(JSON.stringify(value), "<value>");
  }
  if (typeof value !== "number" && typeof value !== "boolean") return message;
  return message.replace(/[\w.+-]+/g, (token) => (token === String(value) ? "<value>" : token));
}
