/**
 * The users every recipe knows, by the bearer token that stands for their session (a real app
 * reads a session cookie or verifies a token; the recipes keep that part tiny). Each recipe
 * declares the same table in its own `users.ts`.
 *
 * @example
 * ```ts
 * const headers = { authorization: `Bearer ${"alice" satisfies RecipeUserId}` };
 * ```
 */
export const RECIPE_USERS = {
  alice: { id: "alice", name: "Alice Ångström", admin: true },
  bob: { id: "bob", name: "Bob", admin: false },
} as const;

/** A user id of {@link RECIPE_USERS}. */
export type RecipeUserId = keyof typeof RECIPE_USERS;

/** The webhook events the recipes ask soketi to send them. */
export const RECIPE_WEBHOOK_EVENTS = ["channel_occupied", "channel_vacated", "member_added", "member_removed"];
