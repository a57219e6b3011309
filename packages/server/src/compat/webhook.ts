import { readFields } from "@x/types/internal";
import { Token } from "./config.js";
import { WebHookError } from "./errors.js";
import type { Pusher } from "./pusher.js";
import { invalid } from "./validate.js";

// A `Token`, or a `{ key, secret }` made one.
function asToken(token: unknown): Token {
  if (token instanceof Token) return token;
  const { key, secret } = readFields(token, ["key", "secret"]) ?? {};
  return new Token(key as string, secret as string);
}

// Keeps a byte order mark, as Buffer.prototype.toString does (JSON.parse then refuses it there).
const utf8 = /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A received webhook: the official `WebHook`. The raw body (a string, or a `Buffer`'s bytes) is
 * what is verified, never a re-serialised object. Check `isValid()` before reading the data.
 * @example
 * ```ts
 * const webhook = pusher.webhook({ headers: req.headers, rawBody });
 * if (webhook.isValid()) for (const event of webhook.getEvents()) console.log(event.name);
 * ```
 */
export class WebHook {
  /** The `x-pusher-key` header. */
  readonly key: unknown;
  /** The `content-type` header. */
  readonly contentType: unknown;
  /** The raw body, as given. */
  readonly body: unknown;
  /** The parsed body, when it is JSON sent as `application/json`. */
  readonly data: unknown;
  /** The app's key and secret (`pusher.config.token`); the secret shows in no log. */
  readonly token: Token;
  // Private: with the body, a valid signature lets whoever reads it replay the webhook.
  readonly #signature: unknown;

  constructor(token: Pusher.Token, request: Pusher.WebHookRequest) {
    const { headers, rawBody } = readFields(request, ["headers", "rawBody"]) ?? {};
    const header = readFields(headers, ["x-pusher-key", "x-pusher-signature", "content-type"]);
    // The official package fails here with a TypeError: say what is missing.
    if (header === undefined) invalid("invalid_params", "request", "the webhook request must be { headers, rawBody }");
    this.token = asToken(token);
    this.key = header["x-pusher-key"];
    this.#signature = header["x-pusher-signature"];
    this.contentType = header["content-type"];
    this.body = rawBody;
    // Only text or bytes carry a signature (the official package also parses a number, then isValid() throws).
    if (this.isContentTypeValid() && (typeof rawBody === "string" || rawBody instanceof Uint8Array)) {
      try {
        this.data = JSON.parse(typeof rawBody === "string" ? rawBody : utf8.decode(rawBody));
      } catch {
        // Not JSON: isBodyValid() says so.
      }
    }
  }

  /**
   * Tells whether the body is valid and signed with the app's key, or with one of `extraTokens`
   * (keys being rotated); a token counts only for the key of the `x-pusher-key` header.
   */
  isValid(extraTokens?: Pusher.Token | Pusher.Token[]): boolean {
    if (!this.isBodyValid()) return false;
    // Any falsy value means none, as there.
    const extra = extraTokens || [];
    for (const candidate of [this.token, ...(Array.isArray(extra) ? extra : [extra])]) {
      const token = asToken(candidate);
      // Loose equality, as there: a numeric key matches its header.
      if (this.key == token.key && token.verify(this.body as string | Uint8Array, this.#signature)) return true;
    }
    return false;
  }

  /** Tells whether the content type is exactly `application/json`. */
  isContentTypeValid(): boolean {
    return this.contentType === "application/json";
  }

  /** Tells whether the content type is `application/json` and the body is JSON. */
  isBodyValid(): boolean {
    return this.data !== undefined;
  }

  /** The parsed body; throws a `WebHookError` when it is not valid. It does not check the signature: call `isValid()` first. */
  getData(): Pusher.WebHookData {
    if (!this.isBodyValid()) {
      throw new WebHookError("Invalid WebHook body", this.contentType as string, this.body as string, this.#signature as string);
    }
    return this.data as Pusher.WebHookData;
  }

  /** The events of the body. */
  getEvents(): Pusher.Event[] {
    return this.getData().events;
  }

  /** The time of the body (`time_ms`). */
  getTime(): Date {
    return new Date(this.getData().time_ms);
  }
}
