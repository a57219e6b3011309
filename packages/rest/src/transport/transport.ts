/**
 * What @x/rest hands a {@link Transport} besides ky's `Request`: the parts of the request it
 * builds itself, as they are, so that ky's `Request` need not carry them (PROTOCOL §2: the body
 * is the exact string whose MD5 was signed).
 *
 * @example
 * ```ts
 * const wire: WireParts = { headers: { "content-type": "application/json" }, body: '{"name":"e","channels":["a"],"data":"x"}' };
 * ```
 */
export interface WireParts {
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
}

/**
 * Sends one request that ky built (its URL, method and abort signal) with the given headers and
 * body, and resolves with the `Response`, its body already read. The "node" export condition
 * provides one on `node:http` (transport-node.ts); other runtimes send through ky's `fetch`.
 *
 * @example
 * ```ts
 * const response = await transport(request, { headers, body });
 * ```
 */
export type Transport = (request: Request, wire: WireParts) => Promise<Response>;
