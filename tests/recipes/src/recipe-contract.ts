/**
 * The users every recipe knows, by the bearer token that stands for their session (a real app
 * reads a session cookie or verifies a token; the recipes keep that part tiny). Each recipe
 * declares the same table in its own `users.ts`, on purpose: a recipe is copied alone, and its
 * `users.ts` is where the copy plugs in its own sessions, so no recipe imports this test-only
 * package. A table that drifts from this one fails the checks, which compare the names.
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
