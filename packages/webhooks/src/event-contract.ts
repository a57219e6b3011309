import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { EventSchemas } from "@x/types";
import { PusherWebhookError } from "@x/types";
import { isEncryptedChannel, validateEventData } from "@x/types/internal";
import type { EventContract } from "@x/types/internal";
import { attempt } from "./parse-webhook.js";
import { isKnownWebhookEvent } from "./webhook-events.js";
import type { ClientEventWebhook, ContractWebhookEvent, WebhookEvent } from "./webhook-events.js";

/**
 * The events, each client event's `data` replaced by its schema's output. One that breaks the contract is left out
 * and told to `report`: it comes from a browser, not Pusher, and would fail again on every retry, so it gets a 200.
 */
export async function applyEventContract(
  events: readonly WebhookEvent[],
  contract: EventContract | undefined,
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
  return validateEventData(which, schema, data);
}
