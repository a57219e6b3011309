import type { KeyCredentials } from "@x/types";
import { readFields, requireOption, validateKeyCredentials } from "@x/types/internal";

/**
 * The key/secret pairs a receiver accepts: one, or several while keys are rotated (docs/protocol.md §7).
 *
 * @example
 * ```ts
 * const credentials: WebhookCredentials = [
 *   { key: "new-key", secret: newSecret },
 *   { key: "old-key", secret: oldSecret },
 * ];
 * ```
 */
export type WebhookCredentials = KeyCredentials | readonly KeyCredentials[];

/**
 * Checks the credentials and returns them as a list. Throws a `PusherConfigError` naming the
 * option (never echoing a secret): a misconfigured receiver is a programming error, not bad input.
 */
export function resolveWebhookCredentials(credentials: WebhookCredentials): readonly KeyCredentials[] {
  // A copy of each pair, read once: a getter or a Proxy cannot change a secret after it was checked.
  let list: (KeyCredentials | undefined)[] = [];
  try {
    list = (Array.isArray(credentials) ? [...(credentials as unknown[])] : [credentials]).map((pair) => readFields(pair, ["key", "secret"]) as KeyCredentials | undefined);
  } catch {
    // A list that cannot be read holds no pair.
  }
  requireOption(list.length > 0, "credentials", "a { key, secret } pair or a non-empty list of them");
  for (const pair of list) validateKeyCredentials(pair);
  return list as readonly KeyCredentials[];
}

/**
 * The secrets that may have signed a webhook: those configured for the `X-Pusher-Key` header
 * (several if one key was given more than one secret, as the official SDK allows), or all of
 * them when the header is absent, as the seed's `ProcessWebHook(signature, body)` checks a
 * webhook without a key.
 */
export function secretsForKey(credentials: readonly KeyCredentials[], key: unknown): string[] {
  const matching = key === undefined || key === null ? credentials : credentials.filter((pair) => pair.key === key);
  return matching.map((pair) => pair.secret);
}
