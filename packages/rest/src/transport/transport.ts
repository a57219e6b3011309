/**
 * Sends one request that ky built, with its body given apart as the exact string that was
 * signed, and resolves with the `Response`. The "node" export condition provides one on
 * `node:http` (see transport-node.ts); other runtimes use their `fetch` through ky.
 *
 * @example
 * ```ts
 * const response = await transport(request, '{"name":"e","channels":["a"],"data":"x"}');
 * ```
 */
export type Transport = (request: Request, body: string | undefined) => Promise<Response>;
