import type { RequestTarget } from "../request/request-target.js";
import type { BufferedReply } from "./buffered-reply.js";

/**
 * What @x/rest hands a {@link Transport} besides ky's `Request`: the parts of the request it
 * builds itself, as they are, so that ky's `Request` need not carry them (the body is the exact
 * string whose MD5 was signed), and where the request goes, parsed once per client.
 *
 * @example
 * ```ts
 * const wire: WireParts = {
 *   origin: { tls: true, hostname: "api-eu.pusher.com", port: "" },
 *   path: "/apps/1/events?auth_key=…",
 *   headers: { "content-type": "application/json" },
 *   body: '{"name":"e","channels":["a"],"data":"x"}',
 *   maxResponseBytes: 33_554_432,
 *   target: { method: "POST", url, signature },
 * };
 * ```
 */
export interface WireParts {
  origin: WireOrigin;
  /** The path and the signed query. */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  /** The largest body read; past it the transport rejects with `responseTooLarge`. */
  maxResponseBytes: number;
  /** The call: its `sent` is set once the whole request has left on an attempt. */
  target: RequestTarget;
}

/**
 * Scheme, host and port of the API, as `node:http` takes them.
 *
 * @example
 * ```ts
 * const origin: WireOrigin = { tls: false, hostname: "127.0.0.1", port: "6001" };
 * ```
 */
export interface WireOrigin {
  tls: boolean;
  /** Without the brackets of an IPv6 address. */
  hostname: string;
  /** Empty for the scheme's default port. */
  port: string;
  /** The caller's Node agent, when it gave one; the transport's own agents otherwise. */
  agent?: object | undefined;
}

/**
 * Sends one request that ky built (its method and abort signal) with the given parts, and
 * resolves with the answer, its body already read under the size limit. The "node" export
 * condition provides one on `node:http` (transport-node.ts); other runtimes send through `fetch`
 * (buffered-fetch.ts).
 *
 * @example
 * ```ts
 * const reply = await transport(request, wire);
 * ```
 */
export type Transport = (request: Request, wire: WireParts) => Promise<BufferedReply>;
