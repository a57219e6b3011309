/**
 * The one reader of headers a {@link BufferedReply} needs: ky asks for `content-type` and the
 * retry headers (`retry-after`, `ratelimit-reset`...) by name, nothing else.
 *
 * @example
 * ```ts
 * const headers: HeaderReader = new Headers({ "retry-after": "2" });
 * headers.get("Retry-After"); // "2"
 * ```
 */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * An HTTP answer whose body has already been read in full, under the client's size limit: what
 * every transport of @x/rest hands ky in place of a `Response`. ky accepts any object that
 * reports itself as a `Response`, and of one it reads only the status, the headers above and
 * `text()` (or `body`, which is `null` here). Building a real `Response` (and a `Headers`) per
 * answer cost more on Node than the rest of the exchange; this costs an object.
 *
 * @example
 * ```ts
 * const reply = new BufferedReply(200, "OK", new Headers(), '{"ok":true}');
 * await reply.text(); // '{"ok":true}'
 * ```
 */
export class BufferedReply {
  readonly ok: boolean;
  readonly body = null;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: HeaderReader,
    /** The whole body, decoded as UTF-8. */
    readonly bodyText: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }

  /** What `Object.prototype.toString` reports, and how ky recognises a response. */
  get [Symbol.toStringTag](): string {
    return "Response";
  }
}
