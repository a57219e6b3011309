import { userAuthStringToSign } from "@x/signing/internal";
import { PusherValidationError } from "@x/types";
import type { UserAuthResponse, UserData } from "@x/types";
import { serializeUserData, validateSocketId } from "@x/types/internal";
import { readArgument, readCredentials, signAuth } from "./auth-arguments.js";
import type { Argument, AuthCredentials } from "./auth-arguments.js";

/**
 * What {@link authenticateUser} signs: the socket signing in and the user it signs in as.
 *
 * @example
 * ```ts
 * const params: UserAuthenticationParams = { socketId: "1234.1234", userData: { id: "42", watchlist: ["7", "9"] } };
 * ```
 */
export interface UserAuthenticationParams {
  /** The `socket_id` pusher-js sent, e.g. `"1234.1234"`. */
  socketId: string;
  /** The user: `id` (1–200 characters of the channel-name set), optional `user_info`, optional `watchlist` of up to 100 ids. */
  userData: UserData;
}

const PARAM_NAMES = ["socketId", "userData"] as const;
const pickParams = ({ socketId, userData }: Argument) => ({ socketId, userData });

/**
 * Signs a user in (docs/protocol.md §5): returns the JSON pusher-js expects, `auth` and `user_data`
 * (exactly `JSON.stringify(userData)`, the string signed). Throws a `PusherConfigError` for bad
 * credentials and a `PusherValidationError`, whose `code` and `field` say what is wrong, for bad
 * params; nothing else, whatever it is given, and never the secret.
 *
 * @example
 * ```ts
 * authenticateUser({ key: "key", secret: "secret" }, { socketId: "12345.12345", userData: { id: "1234" } });
 * // { auth: "key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41", user_data: '{"id":"1234"}' }
 * ```
 */
export function authenticateUser(credentials: AuthCredentials, params: UserAuthenticationParams): UserAuthResponse {
  const keys = readCredentials(credentials);
  const fields = readArgument(params, PARAM_NAMES, pickParams);
  if (fields === undefined) {
    throw new PusherValidationError("invalid_params", "params", "authenticateUser needs params { socketId, userData }");
  }
  const { socketId, userData } = fields;
  validateSocketId(socketId);
  // The string signed is the string returned: the server checks the signature against it.
  const serialized = serializeUserData(userData);
  return { auth: signAuth(keys, userAuthStringToSign(socketId, serialized)), user_data: serialized };
}
