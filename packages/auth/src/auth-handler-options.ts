import type { EncryptionOptions, KeyCredentials, PresenceData, UserData } from "@x/types";

/**
 * An auth request's body: `socket_id`, `channel_name` (channels only) and the custom `params` of pusher-js.
 *
 * @example
 * ```ts
 * const params: AuthRequestParams = { socket_id: "1234.1234", channel_name: "private-chat", room: "7" };
 * ```
 */
export type AuthRequestParams = Readonly<Record<string, string>>;

/**
 * What `onUserAuthentication` is asked: may this socket sign in, and as whom? The socket id is valid.
 *
 * @example
 * ```ts
 * const decide = ({ request }: UserAuthenticationContext) => sessionUser(request) ?? false;
 * ```
 */
export interface UserAuthenticationContext {
  /** The socket asking, e.g. `"1234.1234"`. */
  socketId: string;
  /** Every field of the request body. */
  params: AuthRequestParams;
  /** The original request, for cookies, headers and sessions (its body has been read). */
  request: Request;
}

/**
 * What `onChannelAuthorization` is asked: may this socket subscribe to this channel? Both are valid.
 *
 * @example
 * ```ts
 * const decide = ({ channelName, request }: ChannelAuthorizationContext) => channelName !== "private-admin" || isAdmin(request);
 * ```
 */
export interface ChannelAuthorizationContext extends UserAuthenticationContext {
  /** A valid `private-`, `presence-` or `private-encrypted-` channel name. */
  channelName: string;
}

/**
 * The application's answer to a channel authorization: `true` allows a private or encrypted
 * channel, `{ presenceData }` a presence channel as that member; anything else refuses (403).
 *
 * @example
 * ```ts
 * const joinAsAda: ChannelAuthorizationDecision = { presenceData: { user_id: "42", user_info: { name: "Ada" } } };
 * ```
 */
export type ChannelAuthorizationDecision = boolean | { presenceData: PresenceData };

/**
 * The application's answer to a sign-in: the user to sign the socket in as; anything else refuses (403).
 *
 * @example
 * ```ts
 * const signIn: UserAuthenticationDecision = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
 * ```
 */
export type UserAuthenticationDecision = UserData | false;

/**
 * The options of `createAuthHandler`: the credentials, and at least one callback through which the application decides.
 *
 * @example
 * ```ts
 * const options: AuthHandlerOptions = { key, secret, onChannelAuthorization: () => true };
 * ```
 */
export interface AuthHandlerOptions extends KeyCredentials, EncryptionOptions {
  /** Decides channel authorizations (`socket_id` and `channel_name`); without it they are answered 404. */
  onChannelAuthorization?: (context: ChannelAuthorizationContext) => ChannelAuthorizationDecision | Promise<ChannelAuthorizationDecision>;
  /** Decides user authentications (`socket_id` alone); without it they are answered 404. */
  onUserAuthentication?: (context: UserAuthenticationContext) => UserAuthenticationDecision | Promise<UserAuthenticationDecision>;
  /**
   * The largest body accepted, in bytes; a larger one is answered 413.
   * @default 8192
   */
  maxBodyBytes?: number;
  /**
   * How long the body may take to arrive, in milliseconds; a slower one is answered 408 and its
   * connection closed, so that a client sending a byte at a time cannot hold the handler.
   * @default 10000
   */
  bodyTimeoutMs?: number;
  /**
   * Told, for your logs, of a callback that threw or rejected (500) and of a decision refused for
   * being neither an allow nor `false`, `null` or `undefined` (403). Awaited; its own errors are ignored.
   */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}
