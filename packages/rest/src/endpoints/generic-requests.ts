import { PusherValidationError } from "@x/types";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import type { ApiRequestOptions, ApiResponse, QueryParams, RequestOptions } from "../rest-client.js";
import { toWireString } from "./to-wire-string.js";

/**
 * A signed GET of any path under `/apps/<appId>`; resolves with the parsed body. Parameters
 * named like a signing parameter are refused (docs/protocol.md §2.5).
 *
 * @example
 * ```ts
 * const list = await apiGet<ChannelsList>(context, "/channels", { filter_by_prefix: "private-" });
 * ```
 */
export async function apiGet<T>(context: ClientContext, path: string, params?: QueryParams, options?: RequestOptions): Promise<T> {
  return (await apiRequest<T>(context, "GET", path, { ...callOptions(options), params })).body;
}

/**
 * A signed POST of any path under `/apps/<appId>`: a string body is sent as-is, anything else
 * JSON-encoded once. Resolves with the parsed body.
 *
 * @example
 * ```ts
 * await apiPost(context, "/users/42/terminate_connections", {});
 * ```
 */
export async function apiPost<T>(
  context: ClientContext,
  path: string,
  body: unknown,
  params?: QueryParams,
  options?: RequestOptions,
): Promise<T> {
  return (await apiRequest<T>(context, "POST", path, { ...callOptions(options), params, body })).body;
}

/**
 * A signed request of any path under `/apps/<appId>`, resolving with the whole answer: its
 * status, its parsed body and its body as received (`text`). A `body` (POST only) is sent as-is
 * when it is a string, JSON-encoded once otherwise. Failures reject as every call does.
 *
 * @example
 * ```ts
 * const { status, body, text } = await apiRequest(context, "POST", "/events", { body: { name: "e", channels: ["a"], data: "x" } });
 * ```
 */
export async function apiRequest<T>(
  context: ClientContext,
  method: "GET" | "POST",
  path: string,
  givenOptions?: ApiRequestOptions,
): Promise<ApiResponse<T>> {
  const options = callOptions(givenOptions);
  if (method !== "GET" && method !== "POST") {
    throw new PusherValidationError("invalid_params", "method", 'method must be "GET" or "POST"');
  }
  const { params, signal } = options;
  if (method === "GET" && options.body !== undefined) throw new PusherValidationError("invalid_params", "body", "a GET has no body");
  const body = method === "GET" ? undefined : toWireString(options.body ?? {}, "body");
  return (await context.send({ method, path, params, body, signal })) as ApiResponse<T>;
}
