import type { RestClient } from "@x/rest";
import { PusherConfigError, isPusherHttpError, isPusherResponseError } from "@x/types";
import { apiResponse } from "./api-response.js";
import type { CompatConfig } from "./compat-config.js";
import type { CompatResponse } from "./compat-types.js";
import { concatenated } from "./concatenated.js";
import { RequestError } from "./request-error.js";
import { checkReservedParams } from "./signed-query-string.js";

/**
 * What an HTTP call of the compat `Pusher` needs: its configuration, and the `@x/rest` client
 * that carries the call (made on the first call; it throws a `PusherConfigError` when no call
 * can be sent with this configuration).
 *
 * @example
 * ```ts
 * const transport: CompatTransport = { config, client: () => createRestClient(restClientOptions(config)) };
 * ```
 */
export interface CompatTransport {
  config: CompatConfig;
  client(): RestClient;
}

/**
 * One call of the HTTP API, as the official package's `get` and `post` make it, sent through
 * the `@x/rest` client (its transport, timeouts, limits, retries of GETs only, and typed
 * errors). What the official package refuses at once is refused at once (a reserved query
 * parameter, a secret that is not a string); everything else settles the Promise: it resolves
 * with the API's answer as a `Response`, or rejects with a {@link RequestError} whose `cause`
 * is the typed error.
 *
 * @example
 * ```ts
 * const response = await sendCompatRequest(transport, "GET", "/channels", { filter_by_prefix: "presence-" }, undefined);
 * ```
 */
export function sendCompatRequest(
  transport: CompatTransport,
  method: "GET" | "POST",
  path: string,
  params: object | undefined,
  body: string | undefined,
): Promise<CompatResponse> {
  checkReservedParams(params);
  if (typeof transport.config.token.secret !== "string") {
    throw new PusherConfigError("secret", "secret must be a string (the app secret)");
  }
  // The official package puts each value in the query with `+`: the same conversion here.
  const wireParams: Record<string, string> = {};
  for (const name in params) wireParams[name] = concatenated((params as Record<string, unknown>)[name]);
  const url = unsignedUrl(transport.config, path);
  let client: RestClient;
  try {
    client = transport.client();
  } catch (error) {
    // The official package takes any configuration and fails on the request: so does this.
    return Promise.reject(toRequestError(error, url));
  }
  // A POST without a body sends an empty one, signed without body_md5, as there.
  const options = method === "GET" ? { params: wireParams } : { params: wireParams, body: body ?? "" };
  return client.request(method, path, options).then(
    ({ status, text }) => apiResponse(status, text),
    (error: unknown) => {
      throw toRequestError(error, url);
    },
  );
}

// Where the request went, without its query (which holds the signature): for the errors that
// carry no URL of their own.
function unsignedUrl(config: CompatConfig, path: string): string {
  const port = config.port ? `:${concatenated(config.port)}` : "";
  return `${config.scheme}://${config.host}${port}/apps/${concatenated(config.appId)}${concatenated(path)}`;
}

// The official package's `RequestError` for a failed call: "Unexpected status code N" with the
// status and the server's message when the server refused it, "Request failed with an error"
// with the failure as `error` otherwise. `cause` is always the typed error; the URL is redacted.
function toRequestError(error: unknown, fallbackUrl: string): RequestError {
  const { url } = error as { url?: unknown };
  const where = typeof url === "string" ? url : fallbackUrl;
  if (isPusherHttpError(error) && error.status >= 400) {
    // No `error` when the server answered, as there.
    return new RequestError(`Unexpected status code ${error.status}`, where, undefined as unknown as Error, error.status, error.serverMessage, {
      cause: error,
    });
  }
  // A 2xx that the REST client refused (an error in its body, or not the API's JSON) has a status.
  const status = isPusherHttpError(error) || isPusherResponseError(error) ? error.status : undefined;
  const body = isPusherHttpError(error) ? error.serverMessage : undefined;
  return new RequestError("Request failed with an error", where, error as Error, status, body, { cause: error });
}
