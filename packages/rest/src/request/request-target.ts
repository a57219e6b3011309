/**
 * A request that was sent, as the error mappers need it.
 *
 * @example
 * ```ts
 * const target: RequestTarget = { method: "POST", url: signedUrl, signature };
 * ```
 */
export interface RequestTarget {
  method: "GET" | "POST";
  /** The full signed URL; the error classes of `@x/types` redact it themselves. */
  url: string;
  /** The request's signature: what a server may quote bare (see redact-secrets.ts). */
  signature: string;
  /** Set by the transport once an attempt may have reached the server whole (PusherDelivery). */
  sent?: boolean;
}
