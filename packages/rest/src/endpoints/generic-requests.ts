import { PusherValidationError } from "@x/types";
import type { ApiResponse, QueryParams, RequestOptions, RestClient } from "../rest-client.js";
import { callOptions, toWireString, type ClientContext } from "./call-arguments.js";

/** `get`, `post` and `request`: signed requests of any path under `/apps/<appId>`. */
export function genericRequests({ send }: ClientContext): Pick<RestClient, "get" | "post" | "request"> {
  async function request<T>(method: unknown, path: string, givenOptions: unknown): Promise<ApiResponse<T>> {
    const { params, body, signal } = callOptions(givenOptions, ["params", "body"]);
    if (method !== "GET" && method !== "POST") {
      throw new PusherValidationError("invalid_params", "method", 'method must be "GET" or "POST"');
    }
    if (method === "GET" && body !== undefined) throw new PusherValidationError("invalid_params", "body", "a GET has no body");
    // A POST's body: a string as-is, anything else JSON-encoded once.
    const wireBody = method === "GET" ? undefined : toWireString(body ?? {}, "body");
    const answer = await send({ method, path, params: params as QueryParams | undefined, body: wireBody, signal, generic: true });
    return answer as ApiResponse<T>;
  }
  return {
    request,
    async get<T>(path: string, params?: QueryParams, options?: RequestOptions): Promise<T> {
      return (await request<T>("GET", path, { params, signal: callOptions(options).signal })).body;
    },
    async post<T>(path: string, body: unknown, params?: QueryParams, options?: RequestOptions): Promise<T> {
      return (await request<T>("POST", path, { params, body, signal: callOptions(options).signal })).body;
    },
  };
}
