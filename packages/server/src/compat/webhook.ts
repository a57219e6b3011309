import { PusherValidationError } from "@x/types";
import type { CompatToken, CompatWebHookData, CompatWebHookEvent, CompatWebHookRequest } from "./compat-types.js";
import { Token } from "./token.js";
import { WebHookError } from "./webhook-error.js";

// Keeps a byte order mark, as Buffer.prototype.toString does (JSON.parse then refuses it there).
const utf8 = /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true });

function asToken(token: Token | CompatToken): Token {
  return token instanceof Token ? token : new Token(token.key, token.secret);
}

/**
 * A received webhook: the official package's `WebHook`, with its verdicts. Check `isValid()`
 * before reading the data. The signature is compared in constant time; the raw body (a string,
 * or the bytes of a `Buffer`) is what is verified, never a re-serialised object: a body of any
 * other kind (what a body parser made of the request) is not a valid body.
 *
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
  /** The parsed body, when it is JSON sent as `application/json`; `undefined` otherwise. */
  readonly data: unknown;
  readonly #token: Token;
  // Kept private: with the body, a valid signature lets whoever reads it replay the webhook.
  readonly #signature: unknown;

  constructor(token: Token | CompatToken, request: CompatWebHookRequest) {
    // The official package fails here with a TypeError: say what is missing.
    if (request?.headers === undefined || request.headers === null) {
      throw new PusherValidationError("invalid_params", "request", "the webhook request must be { headers, rawBody }");
    }
    this.#token = asToken(token);
    const headers = request.headers as Record<string, unknown>;
    this.key = headers["x-pusher-key"];
    this.#signature = headers["x-pusher-signature"];
    this.contentType = headers["content-type"];
    this.body = request.rawBody;
    // Only text or bytes can carry a signature: the official package also parses a number or
    // null given as the body, and then isValid() throws.
    const raw = this.body;
    if (this.isContentTypeValid() && (typeof raw === "string" || raw instanceof Uint8Array)) {
      try {
        // JSON.parse takes a Buffer as its UTF-8 text; a Uint8Array is decoded the same way.
        this.data = JSON.parse(typeof raw === "string" ? raw : utf8.decode(raw));
      } catch {
        // Not JSON: isBodyValid() says so.
      }
    }
  }

  /**
   * Tells whether the body is valid and signed by the app's key, or by one of `extraTokens`
   * (a `Token`, a `{ key, secret }`, or an array of them: keys being rotated). The token must
   * have the key of the `x-pusher-key` header.
   *
   * @example
   * ```ts
   * webhook.isValid();                                       // the app's own key
   * webhook.isValid([{ key: "old-key", secret: "old-secret" }]); // or a previous one
   * ```
   */
  isValid(extraTokens?: CompatToken | CompatToken[]): boolean {
    if (!this.isBodyValid()) return false;
    // Any falsy value means none, as in the official package.
    const extra = extraTokens || [];
    const tokens = [this.#token, ...(Array.isArray(extra) ? extra : [extra])];
    // A valid body is text or bytes (see the constructor).
    const message = this.body as string | Uint8Array;
    for (const candidate of tokens) {
      const token = asToken(candidate);
      // Loose equality, as in the official package: a numeric key matches its header.
      if (this.key == token.key && token.verify(message, this.#signature)) return true;
    }
    return false;
  }

  /**
   * Tells whether the content type is exactly `application/json`.
   *
   * @example
   * ```ts
   * webhook.isContentTypeValid(); // true
   * ```
   */
  isContentTypeValid(): boolean {
    return this.contentType === "application/json";
  }

  /**
   * Tells whether the content type is `application/json` and the body is JSON.
   *
   * @example
   * ```ts
   * if (!webhook.isBodyValid()) return res.sendStatus(400);
   * ```
   */
  isBodyValid(): boolean {
    return this.data !== undefined;
  }

  /**
   * The parsed body. Throws a `WebHookError` when the body is not valid (see `isBodyValid`);
   * it does not check the signature: call `isValid()` first.
   *
   * @example
   * ```ts
   * const { time_ms, events } = webhook.getData();
   * ```
   */
  getData(): CompatWebHookData {
    if (!this.isBodyValid()) {
      throw new WebHookError("Invalid WebHook body", this.contentType as string, this.body as string, this.#signature as string);
    }
    return this.data as CompatWebHookData;
  }

  /**
   * The events of the body.
   *
   * @example
   * ```ts
   * for (const event of webhook.getEvents()) console.log(event.name, event.channel);
   * ```
   */
  getEvents(): CompatWebHookEvent[] {
    return this.getData().events;
  }

  /**
   * The time of the body (`time_ms`).
   *
   * @example
   * ```ts
   * webhook.getTime().toISOString();
   * ```
   */
  getTime(): Date {
    return new Date(this.getData().time_ms);
  }
}
