import type { RestClient, RestClientOptions } from "@x/rest";
import { md5Hex } from "@x/signing/internal";
import { isPusherError, isPusherHttpError, isPusherResponseError } from "@x/types";
import { readFields } from "@x/types/internal";
import type { CompatConfig } from "./config.js";
import { RequestError } from "./errors.js";
import type { Pusher } from "./pusher.js";
import { checkReservedParams, concatenated, invalid, misconfigured } from "./validate.js";

// `host:port`, which works with the official package (it writes `scheme://host:port`): the REST
// client takes the two apart.
const HOST_WITH_PORT = /^(\[[^\]]*\]|[^:[\]]*):(\d+)$/;
// The Fetch standard's "null body statuses"; and reason phrases, which the official Response had from the server.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const STATUS_TEXTS: Readonly<Record<number, string>> = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content" };

/**
 * One call as the official `get` and `post` make it, sent by the `@x/rest` client. What the
 * official package refuses at once is refused at once; anything else settles the Promise: the
 * API's answer as a `Response` (its body byte for byte, no signed URL), or a {@link RequestError}.
 */
export function sendRequest(
  config: CompatConfig,
  client: () => RestClient,
  method: "GET" | "POST",
  path: string,
  params: object | undefined,
  body: string | undefined,
): Promise<Pusher.Response> {
  checkReservedParams(params);
  if (typeof config.token.secret !== "string") misconfigured("secret", "secret must be a string (the app secret)");
  // The official package puts each value in the query with `+`.
  const wireParams: Record<string, string> = {};
  for (const name in params) wireParams[name] = concatenated((params as Record<string, unknown>)[name]);
  // Where the request went, without its signed query, for errors with no URL of their own.
  const url = config.getBaseURL() + config.prefixPath(path);
  let rest: RestClient;
  try {
    rest = client();
  } catch (error) {
    // The official package takes any configuration and fails on the request: so does this.
    return Promise.reject(requestError(error, url));
  }
  // A POST without a body sends an empty one, signed without body_md5, as there.
  const options = method === "GET" ? { params: wireParams } : { params: wireParams, body: body ?? "" };
  // Any answer under 400 resolves, a mock's "OK" or an empty body included, as the generic call and the official package do.
  return rest.request(method, path, options).then(
    ({ status, text }) => response(status, text, { "content-type": "application/json" }),
    (error: unknown) => Promise.reject(requestError(error, url)),
  );
}

function response(status: number, text: string, headers: Record<string, string>): Pusher.Response {
  const body = NULL_BODY_STATUSES.has(status) || text === "" ? null : text;
  return new Response(body, { status, statusText: STATUS_TEXTS[status] ?? "", headers });
}

// The official messages: "Unexpected status code N" with the status and the server's message when
// it refused the call, "Request failed with an error" with the failure as `error` (and its message after) otherwise.
function requestError(error: unknown, fallbackUrl: string): RequestError {
  const { url } = error as { url?: unknown };
  const where = typeof url === "string" ? url : fallbackUrl;
  if (isPusherHttpError(error) && error.status >= 400) {
    // No `error` when the server answered, as there, though the official declarations type it Error.
    const none = undefined as unknown as Error;
    const { status, serverMessage } = error;
    return new RequestError(`Unexpected status code ${status}`, where, none, status, serverMessage, { cause: error });
  }
  // A 2xx that the REST client refused (an error in its body, or not the API's JSON) has a status.
  const status = isPusherHttpError(error) || isPusherResponseError(error) ? error.status : undefined;
  const body = isPusherHttpError(error) ? error.serverMessage : undefined;
  const reason = isPusherError(error) ? `: ${error.message}` : "";
  return new RequestError(`Request failed with an error${reason}`, where, error as Error, status, body, { cause: error });
}

/** The official `createSignedQueryString`, byte for byte: parameters in key order, not percent-encoded, `path` as given. */
export function createSignedQueryString(token: { key: string; sign(message: string): string }, request: unknown): string {
  const fields = readFields(request, ["method", "path", "body", "params"]);
  // The official package fails with a TypeError on these: say what is wrong.
  if (fields === undefined) invalid("invalid_params", "options", "options must be { method, path, body?, params? }");
  const { method, body } = fields;
  const params: Record<string, unknown> = { auth_key: token.key, auth_timestamp: (Date.now() / 1000) | 0, auth_version: "1.0" };
  if (body) {
    if (typeof body !== "string") invalid("invalid_params", "body", "body must be the string that is sent");
    params.body_md5 = md5Hex(body);
  }
  if (fields.params) {
    checkReservedParams(fields.params);
    for (const name in fields.params) params[name] = (fields.params as Record<string, unknown>)[name];
  }
  const query = Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${concatenated(params[name])}`)
    .join("&");
  if (typeof method !== "string") invalid("invalid_params", "method", 'method must be a string such as "GET"');
  // Joined as there: a missing path signs as an empty line.
  return `${query}&auth_signature=${token.sign([method.toUpperCase(), fields.path, query].join("\n"))}`;
}

/**
 * The options of the `@x/rest` client that carries the HTTP calls. Throws a `PusherConfigError`
 * for a configuration no request can be sent with (an unknown scheme, a missing secret, a bad
 * host or port): the official package takes those and fails each request, so the caller turns
 * this into the request's rejection.
 */
export function restClientOptions(config: CompatConfig): RestClientOptions {
  if (config.scheme !== "http" && config.scheme !== "https") misconfigured("scheme", 'the scheme must be "http" or "https"');
  let { host } = config;
  let port = config.port ? Number(config.port) : undefined;
  const hostWithPort = HOST_WITH_PORT.exec(host);
  if (hostWithPort !== null && port === undefined) {
    host = hostWithPort[1] as string;
    port = Number(hostWithPort[2]);
  }
  return {
    appId: concatenated(config.appId),
    key: config.token.key,
    secret: config.token.secret,
    host,
    port,
    useTLS: config.scheme === "https",
    // A falsy timeout means none there; here, the REST client's default.
    timeout: config.timeout ? Math.ceil(Number(config.timeout)) : undefined,
    agent: config.agent ? config.agent : undefined,
  };
}
