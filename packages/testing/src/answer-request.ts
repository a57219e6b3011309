import { ApiError, refusals } from "./api-error.js";
import type { ChannelState } from "./channel-state.js";
import { describeChannel, listChannels, listUsers, terminateConnections } from "./query-channels.js";
import { triggerBatch, triggerEvent, type Limits } from "./trigger-events.js";
import type { RecordedEvent } from "./types.js";
import { readQuery, verifyRequest, type AppCredentials } from "./verify-request.js";

export interface ApiContext extends AppCredentials {
  appId: string;
  limits: Limits;
  state: ChannelState;
  now(): number;
  record: (event: Omit<RecordedEvent, "requestId">) => void;
}

export interface Answer {
  status: number;
  body: string;
  contentType: string;
}

type Handler = (context: ApiContext, match: string[], query: Map<string, string>, body: () => Record<string, unknown>) => object;

// The endpoints of the HTTP API reference, under /apps/<app id>.
const ROUTES: [method: string, path: RegExp, handler: Handler][] = [
  ["POST", /^\/events$/, (context, _match, _query, body) => triggerEvent(context.state, context.limits, body(), context.record)],
  ["POST", /^\/batch_events$/, (context, _match, _query, body) => triggerBatch(context.state, context.limits, body(), context.record)],
  ["GET", /^\/channels$/, (context, _match, query) => listChannels(context.state, query)],
  ["GET", /^\/channels\/([^/]+)$/, (context, [channel = ""], query) => describeChannel(context.state, channel, query)],
  ["GET", /^\/channels\/([^/]+)\/users$/, (context, [channel = ""]) => listUsers(context.state, channel)],
  ["POST", /^\/users\/([^/]+)\/terminate_connections$/, (context, [userId = ""]) => terminateConnections(context.state, userId)],
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw refusals.notFound();
  }
}

function parseBody(body: Uint8Array): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(body).toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Answered below, as any body that is not a JSON object.
  }
  throw refusals.invalidJson();
}

/** Routes, authenticates and answers one request as Pusher would. */
export function answerRequest(context: ApiContext, method: string, url: URL, body: Uint8Array): Answer {
  try {
    const prefix = `/apps/${context.appId}`;
    const path = url.pathname;
    const route = path.startsWith(`${prefix}/`)
      ? ROUTES.map(([routeMethod, pattern, handler]) => ({ routeMethod, match: pattern.exec(path.slice(prefix.length)), handler })).find(
          ({ routeMethod, match }) => routeMethod === method && match !== null,
        )
      : undefined;
    if (route?.match == null) throw refusals.notFound();
    const query = readQuery(url.searchParams);
    verifyRequest(context, { method, path, query, body }, context.now());
    const captures = route.match.slice(1).map(decodeSegment);
    const result = route.handler(context, captures, query, () => parseBody(body));
    return { status: 200, body: JSON.stringify(result), contentType: "application/json" };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, body: `${error.message}\n`, contentType: "text/plain; charset=utf-8" };
  }
}
