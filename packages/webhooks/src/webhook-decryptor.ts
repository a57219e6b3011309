import { decodeMasterKey, decryptPayload } from "@x/signing";
import { isEncryptedChannel } from "@x/types/internal";

/**
 * What `verifyWebhook` and `createWebhookHandler` call, given as their `decryptor` option, on
 * the `data` of each well-formed `client_event`: it returns the data the verdict shows, and
 * throws when the data cannot be decrypted, which makes the webhook invalid
 * (`decryption_failed`). Build it with {@link createWebhookDecryptor}.
 *
 * @example
 * ```ts
 * const decryptor: WebhookDecryptor = createWebhookDecryptor(env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64);
 * decryptor("private-encrypted-chat", '{"nonce":"…","ciphertext":"…"}'); // '{"text":"hi"}'
 * ```
 */
export type WebhookDecryptor = (channelName: string, data: string) => string;

/**
 * The decryptor of end-to-end encrypted client events (docs/protocol.md §6): the `data` of a
 * `client_event` on a `private-encrypted-` channel is replaced by its plaintext, data on other
 * channels is left as it is, and data that does not decrypt (wrong master key, tampered or not
 * encrypted) throws. The master key is checked and decoded here, once: a bad one throws a
 * `PusherConfigError` naming `encryptionMasterKeyBase64`, never echoing it.
 *
 * Decryption is opt-in so that an application that only verifies webhooks does not ship the
 * XSalsa20-Poly1305 code: a bundler leaves this function out when it is not imported.
 *
 * @example
 * ```ts
 * const verdict = verifyWebhook(credentials, delivery, {
 *   decryptor: createWebhookDecryptor(env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64),
 * });
 * ```
 */
export function createWebhookDecryptor(encryptionMasterKeyBase64: string): WebhookDecryptor {
  const masterKey = decodeMasterKey(encryptionMasterKeyBase64);
  return (channelName, data) => (isEncryptedChannel(channelName) ? decryptPayload(channelName, data, masterKey) : data);
}
