import { decryptPayload } from "@x/signing";
import { isEncryptedChannel, type ClientEventWebhook } from "@x/types";
import { problem, type Checked } from "./webhook-validation-error.js";

/**
 * Replaces the `data` of a client event on a `private-encrypted-` channel by its plaintext
 * (PROTOCOL §6); client events on other channels are returned unchanged. Data that does not
 * decrypt (wrong master key, tampered or unencrypted data) is a `decryption_failed` problem,
 * never a throw.
 */
export function decryptClientEvent(
  event: ClientEventWebhook,
  masterKey: Uint8Array,
  index: number,
): Checked<ClientEventWebhook> {
  if (!isEncryptedChannel(event.channel)) return { ok: true, value: event };
  try {
    return { ok: true, value: { ...event, data: decryptPayload(event.channel, event.data, masterKey) } };
  } catch {
    return problem(
      "decryption_failed",
      `events[${index}].data could not be decrypted: wrong master key, or data tampered with or not encrypted`,
    );
  }
}
