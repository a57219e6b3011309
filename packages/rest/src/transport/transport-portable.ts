// The `#transport` of every runtime but Node: the runtime's own `fetch`, given the parts as they go on the
// wire rather than ky's `Request`, whose merged headers and body stream would be built for nothing.
import { fetchTransport, type Transport } from "./transport.js";

/** Whether this runtime's transport sends through a Node `http.Agent`: no. */
export const takesAgent = false;

/** The transport of this runtime: its `fetch`, keep-alive as every runtime's is, never following a redirect. */
export const runtimeTransport: Transport = (request, wire) => {
  const { method, signal, url } = request;
  const init: RequestInit = { method, headers: wire.headers, body: wire.body ?? null, signal, redirect: "manual" };
  return fetchTransport(() => globalThis.fetch(url, init), request, wire.maxResponseBytes, wire.exchange);
};
