/**
 * What {@link toNodeHandler} reads of a Node.js request, typed by shape so that no Node type is
 * needed: `http.IncomingMessage` (`node:http`, Express, Connect, Next.js's pages API), an
 * `http2` compatibility request, or a Fastify request (whose `raw` is the `IncomingMessage`).
 *
 * @example
 * ```ts
 * // Express and node:http pass their own request objects: they have this shape.
 * const request: NodeRequestLike = { method: "POST", url: "/pusher/auth", headers: { "content-type": "application/json" }, body: { socket_id: "1.1" } };
 * ```
 */
export interface NodeRequestLike {
  /** The request method, e.g. `"POST"`. */
  readonly method?: string | undefined;
  /** The request target, e.g. `"/pusher/auth?x=1"`. */
  readonly url?: string | undefined;
  /** Express and Fastify: the URL before a router took off its mount path. */
  readonly originalUrl?: string | undefined;
  /** The headers, lower-cased, as Node.js gives them. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * What a body parser left: the fields it parsed (`express.urlencoded()`, `express.json()`,
   * Fastify's parsers), a string (`express.text()`) or the bytes (`express.raw()`).
   */
  readonly body?: unknown;
  /**
   * The exact bytes received, where a framework or a middleware kept them (a `Buffer` or a
   * string): `express.json({ verify })`, Fastify's raw-body plugins.
   */
  readonly rawBody?: unknown;
  /** True once the body has been read to its end, by a body parser for instance. */
  readonly readableEnded?: boolean | undefined;
  /** Fastify: the `IncomingMessage` under its request. */
  readonly raw?: NodeRequestLike | undefined;
  /** The connection: a TLS socket (`encrypted: true`) makes the URL `https:`. */
  readonly socket?: unknown;
  /** The body itself: an `IncomingMessage` is an async iterable of its chunks. */
  [Symbol.asyncIterator]?(): AsyncIterator<unknown>;
}

/**
 * What {@link toNodeHandler} writes to: `http.ServerResponse` (`node:http`, Express, Connect,
 * Next.js's pages API, Fastify's `reply.raw`) or an `http2` compatibility response.
 *
 * @example
 * ```ts
 * declare const response: NodeResponseLike; // e.g. Express's `res`
 * response.statusCode = 200;
 * response.setHeader("content-type", "application/json");
 * response.end(new TextEncoder().encode("{}"));
 * ```
 */
export interface NodeResponseLike {
  statusCode: number;
  /** True once the head of the answer has been sent. */
  readonly headersSent?: boolean | undefined;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

/**
 * A Node.js request handler made by {@link toNodeHandler}: a `node:http` request listener, an
 * Express or Connect handler, a Next.js pages API route. Its promise resolves once the answer has
 * been written, and never rejects.
 *
 * @example
 * ```ts
 * declare const handler: (request: Request) => Promise<Response>;
 * const listener: NodeHandler = toNodeHandler(handler);
 * ```
 */
export type NodeHandler = (
  request: NodeRequestLike,
  response: NodeResponseLike,
  next?: (error?: unknown) => void,
) => Promise<void>;
