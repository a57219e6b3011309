/**
 * A request that was sent, as the error mappers need it.
 *
 * @example
 * ```ts
 * const target: RequestTarget = { method: "POST", url: signedUrl, secrets: [secret, signature], sent: false };
 * ```
 */
export interface RequestTarget {
  method: "GET" | "POST";
  /** The full signed URL; the error classes of `@x/types` redact it themselves. */
  url: string;
  /**
   * What a server message or a runtime's error quoted in an error must not contain: the app
   * secret and the request's signature (see redact-secrets.ts).
   */
  secrets: readonly string[];
  /** Set by the transport once an attempt may have reached the server whole (PusherDelivery). */
  sent: boolean;
}
