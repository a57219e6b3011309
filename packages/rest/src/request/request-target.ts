/**
 * A request that was sent, as the error mappers need it.
 *
 * @example
 * ```ts
 * const target: RequestTarget = { method: "POST", url: signedUrl, secret };
 * ```
 */
export interface RequestTarget {
  method: "GET" | "POST";
  /** The full signed URL; the error classes of `@x/types` redact it themselves. */
  url: string;
  /** The app secret, to be kept out of any server message quoted in an error. */
  secret: string;
}

const SIGNATURE_PARAM = "auth_signature=";

/**
 * The strings a server message quoted in an error must not contain: the secret, and the
 * request's signature (`signRequest` puts `auth_signature` last in the query, docs/protocol.md §2.3).
 * Computed only when a request has failed, to keep the hot path free of it.
 *
 * @example
 * ```ts
 * secretsOf({ method: "GET", url: "https://h/apps/1/channels?auth_signature=ab", secret: "s" }); // ["s", "ab"]
 * ```
 */
export function secretsOf(target: RequestTarget): string[] {
  return [target.secret, target.url.slice(target.url.lastIndexOf(SIGNATURE_PARAM) + SIGNATURE_PARAM.length)];
}
