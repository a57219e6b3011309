import { randomBytes } from "node:crypto";
import { parse } from "hono/utils/cookie";

/**
 * A visitor who picked a name: `id` is the presence channel's `user_id`, `name` its `user_info`.
 *
 * @example
 * ```ts
 * const user: DemoUser = { id: "user-3f9a1c2b4d5e", name: "Alice" };
 * ```
 */
export interface DemoUser {
  id: string;
  name: string;
}

/**
 * The cookie that carries a visitor's session token.
 *
 * @example
 * ```ts
 * setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
 * ```
 */
export const SESSION_COOKIE = "demo_session";

/**
 * The demo's sign-in: a random token per visitor, kept in memory and sent back as an HttpOnly
 * cookie. The auth endpoint asks it who a request comes from, as a real app would ask its own
 * session store: a request without a known token is nobody, and is refused.
 *
 * @example
 * ```ts
 * const sessions = new Sessions();
 * const { token, user } = sessions.create("Alice");
 * sessions.userOf(new Request(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })); // user
 * ```
 */
export class Sessions {
  readonly #users = new Map<string, DemoUser>();

  /** Starts a session for a new user with this display name. */
  create(name: string): { token: string; user: DemoUser } {
    const token = randomBytes(24).toString("base64url");
    const user = { id: `user-${randomBytes(6).toString("hex")}`, name };
    this.#users.set(token, user);
    return { token, user };
  }

  /** The user whose session cookie the request carries, or `undefined`. */
  userOf(request: Request): DemoUser | undefined {
    const token = parse(request.headers.get("cookie") ?? "", SESSION_COOKIE)[SESSION_COOKIE];
    return token === undefined ? undefined : this.#users.get(token);
  }
}
