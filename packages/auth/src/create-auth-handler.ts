import { PusherConfigError, isPusherValidationError } from "@x/types";
import type { PresenceData, UserData } from "@x/types";
import { errorResponse, isJsonObject, isPresenceChannel, jsonResponse, mediaTypeOf } from "@x/types/internal";
import { positiveIntegerOption, readFields, readPostBody, refuseUnknownOptions, requireOption } from "@x/types/internal";
import { validateKeyCredentials, validateMasterKeyBase64, validateSocketId } from "@x/types/internal";
import type { AuthCredentials } from "./auth-arguments.js";
import type { AuthHandlerOptions, AuthRequestParams } from "./auth-handler-options.js";
import { authenticateUser } from "./authenticate-user.js";
import { authorizeChannel, validateAuthorizableChannel } from "./authorize-channel.js";

const FORM = "application/x-www-form-urlencoded";
const MEDIA_TYPES = [FORM, "application/json"];

/**
 * Creates the auth endpoint pusher-js calls, a Web-standard `(request) => Promise<Response>` (on
 * Node.js through `toNodeHandler`). A body with `channel_name` asks `onChannelAuthorization`, one
 * with `socket_id` alone `onUserAuthentication` (docs/protocol.md §5). It fails closed: 200 only
 * for an explicit allow, 403 for any other decision, a 4xx for a bad request, a 500 when a callback
 * throws; its promise never rejects. Bad options throw a `PusherConfigError` here, once.
 *
 * @example
 * ```ts
 * const handler = createAuthHandler({ key, secret, onChannelAuthorization: async ({ request }) => isSignedIn(request) });
 * export default { fetch: handler }; // a Cloudflare Worker, Bun.serve or Deno.serve
 * ```
 */
export function createAuthHandler(options: AuthHandlerOptions): (request: Request) => Promise<Response> {
  const settings = resolveOptions(options);
  return async (request) => {
    try {
      const params = await readAuthRequest(request, settings);
      if (params instanceof Response) return params;
      return params.channel_name === undefined
        ? await answerUserAuthentication(settings, params, request)
        : await answerChannelAuthorization(settings, params, request);
    } catch (error) {
      await report(settings.onError, error, request);
      return errorResponse(500, "Internal Server Error");
    }
  };
}

const CALLBACK_NAMES = ["onChannelAuthorization", "onUserAuthentication", "onError"] as const;
const OPTION_NAMES = ["key", "secret", "encryptionMasterKeyBase64", "maxBodyBytes", "bodyTimeoutMs", ...CALLBACK_NAMES] as const;

type Settings = ReturnType<typeof resolveOptions>;

// Checked once, so that a misconfiguration fails at start-up: a PusherConfigError names the option.
function resolveOptions(options: AuthHandlerOptions) {
  // Read once: what is checked is what the handler keeps, whatever getters the object has.
  const fields = readFields(options, OPTION_NAMES);
  requireOption(fields !== undefined, "options", "an object with key, secret and a callback");
  refuseUnknownOptions(options, OPTION_NAMES);
  validateKeyCredentials(fields);
  const { encryptionMasterKeyBase64, onChannelAuthorization, onUserAuthentication, onError, maxBodyBytes, bodyTimeoutMs } =
    fields as Partial<AuthHandlerOptions>;
  if (encryptionMasterKeyBase64 !== undefined) validateMasterKeyBase64(encryptionMasterKeyBase64);
  for (const [option, value] of Object.entries({ onChannelAuthorization, onUserAuthentication, onError })) {
    requireOption(value === undefined || typeof value === "function", option, `a function when given, got ${typeof value}`);
  }
  const decides = onChannelAuthorization ?? onUserAuthentication;
  requireOption(decides !== undefined, "onChannelAuthorization", "given, or onUserAuthentication");
  return {
    credentials: { key: fields.key, secret: fields.secret, encryptionMasterKeyBase64 } as AuthCredentials,
    onChannelAuthorization,
    onUserAuthentication,
    onError,
    maxBodyBytes: positiveIntegerOption(maxBodyBytes ?? 8192, "maxBodyBytes"),
    bodyTimeoutMs: positiveIntegerOption(bodyTimeoutMs ?? 10_000, "bodyTimeoutMs"),
  };
}

// The fields of a POST of a form (as pusher-js sends it, docs/protocol.md §5) or a JSON object of strings, or a 4xx.
async function readAuthRequest(request: Request, settings: Settings): Promise<AuthRequestParams | Response> {
  const body = await readPostBody(request, MEDIA_TYPES, settings.maxBodyBytes, settings.bodyTimeoutMs);
  if (body instanceof Response) return body;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return badRequest("the body is not valid UTF-8");
  }
  const fields = mediaTypeOf(request) === FORM ? readFormFields(text) : readJsonFields(text);
  return typeof fields === "string" ? badRequest(fields) : fields;
}

function badRequest(problem: string): Response {
  return errorResponse(400, `Bad Request: ${problem}`);
}

function readFormFields(text: string): AuthRequestParams | string {
  const form = new URLSearchParams(text);
  // A repeated field would leave open which value was meant (and which one the app checked).
  if (new Set(form.keys()).size !== form.size) return "a form field appears twice";
  return Object.fromEntries(form);
}

function readJsonFields(text: string): AuthRequestParams | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "the body is not valid JSON";
  }
  if (!isJsonObject(body)) return "the JSON body must be an object";
  if (!Object.values(body).every((value) => typeof value === "string")) return "every field of the JSON body must be a string";
  return body as AuthRequestParams;
}

// Checked before the application is asked: a callback only ever sees what it may allow.
async function answerChannelAuthorization(settings: Settings, params: AuthRequestParams, request: Request) {
  const { onChannelAuthorization, credentials } = settings;
  if (onChannelAuthorization === undefined) return errorResponse(404, "Not Found: no onChannelAuthorization");
  const { socket_id: socketId, channel_name: channelName } = params;
  try {
    validateSocketId(socketId, "socket_id");
    validateAuthorizableChannel(channelName, credentials, "channel_name");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }
  const decision = onChannelAuthorization({ socketId, channelName, params, request });
  return answerDecision(settings.onError, request, decision, (allowed) =>
    authorizeChannel(credentials, { socketId, channelName, presenceData: presenceDataAllowedBy(allowed, channelName) }),
  );
}

async function answerUserAuthentication(settings: Settings, params: AuthRequestParams, request: Request) {
  const { onUserAuthentication, credentials } = settings;
  if (onUserAuthentication === undefined) return errorResponse(404, "Not Found: no onUserAuthentication");
  const socketId = params.socket_id;
  try {
    validateSocketId(socketId, "socket_id");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }
  const decision = onUserAuthentication({ socketId, params, request });
  return answerDecision(settings.onError, request, decision, (user) =>
    authenticateUser(credentials, { socketId, userData: user as UserData }),
  );
}

// 200 with what `sign` makes of the application's decision, 403 when it throws. A refusal other
// than false, null or undefined is a bug of the application, which onError is told about.
async function answerDecision(onError: Settings["onError"], request: Request, answer: unknown, sign: (value: unknown) => object) {
  // Only a thenable is awaited: awaiting another value reads its `then`, and one that throws
  // (a getter, a Proxy) would turn a refusal into a 500.
  const decision = isThenable(answer) ? await answer : answer;
  try {
    return jsonResponse(200, sign(decision));
  } catch (error) {
    if (decision !== false && decision !== null && decision !== undefined) await report(onError, error, request);
    return errorResponse(403, "Forbidden");
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
  } catch {
    return false;
  }
}

// `true` allows a private or encrypted channel, `{ presenceData }` a presence channel; anything else throws.
function presenceDataAllowedBy(decision: unknown, channelName: string): PresenceData | undefined {
  const presence = isPresenceChannel(channelName);
  if (!presence && decision === true) return undefined;
  // Own properties only: a presenceData planted on Object.prototype is no allow.
  const fields = presence ? readFields(decision, ["presenceData"]) : undefined;
  if (fields !== undefined) return fields.presenceData as PresenceData | undefined;
  throw new PusherConfigError("onChannelAuthorization", "onChannelAuthorization did not return true (or { presenceData })");
}

// Awaited, so that a logger's flush is done before the answer; its errors are dropped, never the answer's.
async function report(onError: AuthHandlerOptions["onError"], error: unknown, request: Request): Promise<void> {
  try {
    await onError?.(error, request);
  } catch {
    // A logger that fails: nothing more to do.
  }
}
