/** A signed-in user of the app. */
export interface User {
  id: string;
  name: string;
  admin: boolean;
}

// The recipe's stand-in for a session store: a real app reads its session cookie or verifies a
// token here. A bearer token names the user (browsers' pusher-js sends the page's cookies by
// itself; here the client passes the header through `channelAuthorization.headers`).
const USERS: ReadonlyMap<string, User> = new Map([
  ["alice", { id: "alice", name: "Alice Ångström", admin: true }],
  ["bob", { id: "bob", name: "Bob", admin: false }],
]);

/**
 * The user whose session the request carries (`Authorization: Bearer <user id>`), if any.
 *
 * @example
 * ```ts
 * sessionUser("Bearer alice"); // { id: "alice", name: "Alice Ångström", admin: true }
 * sessionUser(undefined); // undefined
 * ```
 */
export function sessionUser(authorization: string | null | undefined): User | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  return token === undefined ? undefined : USERS.get(token);
}

/**
 * Whether a user may join, and post to, a channel: the chat and presence channels for everyone
 * signed in, the admin channels for admins only, nothing else.
 *
 * @example
 * ```ts
 * mayUseChannel(bob, "private-admin-ops"); // false: a subscription gets 403
 * ```
 */
export function mayUseChannel(user: User, channel: string): boolean {
  if (channel.startsWith("private-admin-")) return user.admin;
  return channel.startsWith("private-chat-") || channel.startsWith("presence-");
}
