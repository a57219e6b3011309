import { userAuthStringToSign } from "@x/signing/internal";
import type { UserAuthResponse, UserData } from "@x/types";
import { serializeUserData, validateSocketId } from "@x/types/internal";
import type { AuthCredentials } from "./auth-credentials.js";
import { authSignature } from "./auth-signature.js";
import { readAuthCredentials, readUserAuthenticationParams } from "./read-arguments.js";

/**
 * What {@link authenticateUser} signs: the socket signing in and the user it signs in as.
 *
 * @example
 * ```ts
 * const params: UserAuthenticationParams = {
 *   socketId: "1234.1234",
 *   userData: { id: "42", user_info: { name: "Ada" }, watchlist: ["7", "9"] },
 * };
 * ```
 */
export interface UserAuthenticationParams {
  /** The `socket_id` pusher-js sent, e.g. `"1234.1234"`. */
  socketId: string;
  /** The user: `id` (1–200 characters of the channel-name set), optional `user_info`, optional `watchlist` of at most 100 ids. */
  userData: UserData;
}

/**
 * Signs a user in (user authentication, docs/protocol.md §5), synchronously. The result is the JSON
 * body pusher-js expects: `auth` and `user_data`, exactly `JSON.stringify(userData)`, the string
 * that was signed.
 *
 * Throws a `PusherConfigError` for bad credentials and a `PusherValidationError` for `params`
 * that is not an object (`invalid_params`), a bad socket id (`invalid_socket_id`), a bad
 * `userData` (`invalid_user_data`, including data JSON cannot serialize: a BigInt, a cycle, a
 * getter or `toJSON` that throws) or a bad user id in `id` or the `watchlist`
 * (`invalid_user_id`). It throws nothing else, whatever it is given; no error carries the secret.
 *
 * @example
 * ```ts
 * import { authenticateUser } from "@x/auth";
 *
 * authenticateUser({ key: "key", secret: "secret" }, { socketId: "12345.12345", userData: { id: "1234" } });
 * // { auth: "key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41", user_data: '{"id":"1234"}' }
 * ```
 */
export function authenticateUser(credentials: AuthCredentials, params: UserAuthenticationParams): UserAuthResponse {
  // Each argument is read once, and only the copies are checked and signed.
  const keys = readAuthCredentials(credentials);
  const { socketId, userData } = readUserAuthenticationParams(params);
  validateSocketId(socketId);
  // Sign the very string that is returned: the server checks the signature against it (docs/protocol.md §5).
  const serialized = serializeUserData(userData);
  return { auth: authSignature(keys, userAuthStringToSign(socketId, serialized)), user_data: serialized };
}
