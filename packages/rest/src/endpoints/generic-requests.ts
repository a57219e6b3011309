import { PusherValidationError } from "@x/types";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import type { QueryParams, RequestOptions } from "../rest-client.js";
import { toWireString } from "./to-wire-string.js";

// A path is one piece of the URL: a query or fragment must go through `params`, and whitespace
// would change the path between signing and sending.
const API_PATH = /^\/[^?#\s]*$/;

function validatePath(path: unknown): asserts path is string {
  if (typeof path !== "string" || !API_PATH.test(path)) {
    throw new PusherValidationError(
      "invalid_params",
      "path",
      'path must start with "/" and hold no "?", "#" or whitespace (pass query parameters as params)',
    );
  }
}

/**
 * A signed GET of any path under `/apps/<appId>`; resolves with the parsed body. Parameters
 * named like a signing parameter are refused (PROTOCOL §2.5).
 *
 * @example
 * ```ts
 * const list = await apiGet<ChannelsList>(context, "/channels", { filter_by_prefix: "private-" });
 * ```
 */
export async function apiGet<T>(
  context: ClientContext,
  path: string,
  params?: QueryParams,
  givenOptions?: RequestOptions,
): Promise<T> {
  const options = callOptions(givenOptions);
  validatePath(path);
  return (await context.send({ method: "GET", path, params, signal: options.signal })) as T;
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
  givenOptions?: RequestOptions,
): Promise<T> {
  const options = callOptions(givenOptions);
  validatePath(path);
  const wireBody = toWireString(body, "body");
  return (await context.send({ method: "POST", path, params, body: wireBody, signal: options.signal })) as T;
}
