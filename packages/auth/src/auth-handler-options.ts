import type { PresenceData, UserData } from "@x/types";

/**
 * The fields of an auth request's body, by name: `socket_id`, `channel_name` (channel
 * authorization only) and any custom `params` the pusher-js client was configured to send.
 *
 * @example
 * ```ts
 * const params: AuthRequestParams = { socket_id: "1234.1234", channel_name: "private-chat", room: "7" };
 * ```
 */
export type AuthRequestParams = Readonly<Record<string, string>>;

/**
 * What `onChannelAuthorization` is asked about: a socket that wants to subscribe to a channel.
 * The socket id and the channel name have already been checked.
 *
 * @example
 * ```ts
 * const onChannelAuthorization = ({ channelName, request }: ChannelAuthorizationContext) =>
 *   channelName === "private-admin" ? isAdmin(request.headers.get("cookie")) : true;
 * ```
 */
export interface ChannelAuthorizationContext {
  /** The subscribing socket, e.g. `"1234.1234"`. */
  socketId: string;
  /** The channel: a valid `private-`, `presence-` or `private-encrypted-` channel name. */
  channelName: string;
  /** Every field of the request body. */
  params: AuthRequestParams;
  /** The original request, for cookies, headers and sessions (its body has already been read). */
  request: Request;
}

/**
 * The application's answer to a channel authorization: `true` allows a private or encrypted
 * channel, `{ presenceData }` allows a presence channel as that member, `false` refuses (HTTP 403).
 * Nothing else allows: `true` for a presence channel, `{ presenceData }` for a private one, or
 * presence data that fails its checks is refused (403) too.
 *
 * @example
 * ```ts
 * const allowPrivate: ChannelAuthorizationDecision = true;
 * const joinAsAda: ChannelAuthorizationDecision = { presenceData: { user_id: "42", user_info: { name: "Ada" } } };
 * const refuse: ChannelAuthorizationDecision = false;
 * ```
 */
export type ChannelAuthorizationDecision = boolean | { presenceData: PresenceData };

/**
 * What `onUserAuthentication` is asked about: a socket that wants to sign in. The socket id has
 * already been checked.
 *
 * @example
 * ```ts
 * const onUserAuthentication = ({ request }: UserAuthenticationContext) => {
 *   const user = sessionUser(request.headers.get("cookie"));
 *   return user ? { id: user.id, user_info: { name: user.name } } : false;
 * };
 * ```
 */
export interface UserAuthenticationContext {
  /** The socket signing in, e.g. `"1234.1234"`. */
  socketId: string;
  /** Every field of the request body. */
  params: AuthRequestParams;
  /** The original request, for cookies, headers and sessions (its body has already been read). */
  request: Request;
}

/**
 * The application's answer to a sign-in: the user's data to sign it in as, or `false` to refuse
 * (HTTP 403). User data that fails its checks is refused (403) too.
 *
 * @example
 * ```ts
 * const signIn: UserAuthenticationDecision = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
 * const refuse: UserAuthenticationDecision = false;
 * ```
 */
export type UserAuthenticationDecision = UserData | false;

/**
 * The options of `createAuthHandler`: the credentials, and at least one of the two callbacks
 * through which the application decides. Each callback may be synchronous or return a Promise.
 *
 * @example
 * ```ts
 * const options: AuthHandlerOptions = {
 *   key: process.env.PUSHER_KEY!,
 *   secret: process.env.PUSHER_SECRET!,
 *   onChannelAuthorization: ({ channelName }) => channelName.startsWith("private-"),
 * };
 * ```
 */
export interface AuthHandlerOptions {
  /** The app key. */
  key: string;
  /** The app secret. */
  secret: string;
  /** Base64 of the 32-byte master key; needed to authorize `private-encrypted-` channels. */
  encryptionMasterKeyBase64?: string;
  /**
   * Decides channel authorization requests (`socket_id` and `channel_name`). Without it, such
   * requests are answered 404.
   */
  onChannelAuthorization?: (
    context: ChannelAuthorizationContext,
  ) => ChannelAuthorizationDecision | Promise<ChannelAuthorizationDecision>;
  /**
   * Decides user authentication requests (`socket_id` alone). Without it, such requests are
   * answered 404.
   */
  onUserAuthentication?: (
    context: UserAuthenticationContext,
  ) => UserAuthenticationDecision | Promise<UserAuthenticationDecision>;
  /**
   * Largest request body accepted, in bytes; a larger one is answered 413 without being read further.
   * @default 8192
   */
  maxBodyBytes?: number;
  /**
   * How long the request's body may take to arrive, in milliseconds, from when the handler starts
   * reading it; a slower one is answered 408 (with `Connection: close`), so that a client sending
   * a byte at a time cannot hold the handler.
   * @default 10000
   */
  bodyTimeoutMs?: number;
  /**
   * Told, for logging, about what the application should fix: a callback that threw or rejected
   * (answered 500), and a decision refused because it was neither an allow nor `false`, `null`
   * or `undefined` (answered 403; the error says why, such as `true` for a presence channel).
   * It may be asynchronous: the handler awaits it before answering. Whatever it throws or
   * rejects with is ignored; the response body never carries the detail.
   */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}
