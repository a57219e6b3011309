import { hmacSha256Hex, timingSafeEqualHex } from "@x/signing/internal";
import { PusherConfigError } from "@x/types";

/**
 * An app key and its secret, which sign and verify strings: the official package's
 * `Pusher.Token`. The secret is readable (`token.secret`, as there) but is not an own
 * enumerable property, so it shows neither in `JSON.stringify(token)` nor in a log of the token.
 *
 * @example
 * ```ts
 * const token = new Pusher.Token("key", "secret");
 * token.sign("1234.1234:private-foobar"); // hex HMAC-SHA256
 * ```
 */
export class Token {
  readonly key: string;
  readonly #secret: string;

  constructor(key: string, secret: string) {
    this.key = key;
    this.#secret = secret;
  }

  /** The app secret. */
  get secret(): string {
    return this.#secret;
  }

  /**
   * The lowercase hex HMAC-SHA256 of `string` (taken as UTF-8) under the secret.
   *
   * @example
   * ```ts
   * new Pusher.Token("key", "secret").sign("12345.12345::user::{\"id\":\"1234\"}");
   * ```
   */
  sign(string: string | Uint8Array): string {
    if (typeof this.#secret !== "string") {
      // The official package fails here too (node:crypto refuses the key): sign nothing.
      throw new PusherConfigError("secret", "secret must be a string (the app secret)");
    }
    return hmacSha256Hex(this.#secret, string);
  }

  /**
   * Tells whether `signature` is the signature of `string`, compared in constant time. A
   * missing or malformed signature is simply not it.
   *
   * @example
   * ```ts
   * token.verify(rawBody, headers["x-pusher-signature"]); // true or false
   * ```
   */
  verify(string: string | Uint8Array, signature: unknown): boolean {
    return timingSafeEqualHex(this.sign(string), signature);
  }
}
