// Property tests of the auth handler's decisions: it fails closed. Only `true` allows a private or
// encrypted channel, only `{ presenceData }` with valid presence data allows a presence channel,
// only valid user data signs a user in; every other decision, of any type (hostile objects
// included), answered synchronously, asynchronously or through a thenable, is a 403 with no
// signature in the body. The one exception is a value whose `then` throws when it is resolved
// through a promise: the promise rejects, which is a failure of the callback (500), still with no
// signature.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createAuthHandler } from "../src/index.js";
import { formRequest } from "./support/auth-requests.js";
import { anyOrHostile, anyValue, materialize, thenThrows, unserializableObject } from "../../types/test/support/hostile-values.js";

const RUNS = 1_500;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
const credentials = { key: "key", secret: "decision-secret", encryptionMasterKeyBase64: "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=" };
const FORBIDDEN = { error: "Forbidden" };
const FAILED = { error: "Internal Server Error" };

type Delivery = "sync" | "async" | "thenable";
const deliveryArb = fc.constantFrom<Delivery>("sync", "async", "thenable");

/** The callback that answers `decision` the way `delivery` says. */
function answering(decision: unknown, delivery: Delivery): () => unknown {
  if (delivery === "sync") return () => decision;
  if (delivery === "async") return () => Promise.resolve(decision);
  return () => ({ then: (resolve: (value: unknown) => void) => resolve(decision) });
}

// Values that are not objects with a given key: fast-check's random keys could, in theory, spell it.
const lacking = (key: string) => (value: unknown) => !(typeof value === "object" && value !== null && Object.hasOwn(value, key));

const invalidUserId = fc.oneof(
  fc.constantFrom("", "a b", "x".repeat(201), "é", null, 42, true, [], {}, Number.NaN),
  // Not a string once serialized (a boxed String is one: the JSON text is what is checked).
  anyValue.filter((value) => !(typeof value === "string" || value instanceof String)),
);
// Not an object once serialized (undefined, functions and symbols are left out: they vanish from JSON).
const notAnObjectInJson = (value: unknown) =>
  ["string", "number", "boolean", "bigint"].includes(typeof value) || value === null || Array.isArray(value);
const invalidObjectField = fc.oneof(fc.constantFrom(null, [], "info", 1, true, [{}]), anyValue.filter(notAnObjectInJson));
const invalidPresenceData = fc.oneof(
  anyOrHostile.filter(lacking("user_id")),
  fc.record({
    user_id: fc.constantFrom("", null, {}, [], true, Number.NaN, Number.POSITIVE_INFINITY),
    user_info: fc.option(fc.object(), { nil: undefined }),
  }),
  fc.record({ user_id: fc.constant("1"), user_info: invalidObjectField }),
  fc.record({ user_id: fc.constant("1"), user_info: unserializableObject }),
);
const invalidUserData = fc.oneof(
  anyOrHostile.filter(lacking("id")),
  fc.record({ id: invalidUserId }),
  fc.record({ id: fc.constant("1"), user_info: invalidObjectField }),
  fc.record({ id: fc.constant("1"), user_info: unserializableObject }),
  fc.record({
    id: fc.constant("1"),
    watchlist: fc.oneof(
      fc.constantFrom(
        "7",
        {},
        Array.from({ length: 101 }, (_, index) => String(index)),
      ),
      fc.array(invalidUserId, { minLength: 1, maxLength: 3 }),
    ),
  }),
);

// Decisions that allow nothing, for each kind of request.
const refusals = {
  "private-a": anyOrHostile.filter((value) => value !== true),
  "private-encrypted-vault": fc.oneof(
    anyOrHostile.filter((value) => value !== true),
    fc.record({ presenceData: fc.constant({ user_id: "1" }) }),
  ),
  "presence-a": fc.oneof(
    anyOrHostile.filter(lacking("presenceData")),
    fc.constantFrom(true, "true", 1, [], {}, new Error("denied")),
    fc.record({ presenceData: invalidPresenceData }),
  ),
  "sign-in": fc.oneof(fc.constantFrom(true, "true", {}, [], new Error("denied")), invalidUserData),
} as const;

describe("createAuthHandler fails closed on every decision that is not an explicit allow", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it.each(Object.keys(refusals) as (keyof typeof refusals)[])(
    `answers 403 with no signature for ${RUNS} refusing decisions of every type on %s`,
    async (target) => {
      const onError = vi.fn();
      let forbidden = 0;
      let failed = 0;
      await fc.assert(
        fc.asyncProperty(refusals[target], deliveryArb, async (seed, delivery) => {
          // The callbacks are typed for well-behaved applications: these answer anything.
          const callback = answering(materialize(seed), delivery) as never;
          const handler = createAuthHandler({ ...credentials, onChannelAuthorization: callback, onUserAuthentication: callback, onError });
          const fields: Record<string, string> = target === "sign-in" ? { socket_id: "1.1" } : { socket_id: "1.1", channel_name: target };
          const response = await handler(formRequest(fields));
          const body: unknown = await response.json();
          // Only a value that breaks the promise that carries it fails the callback.
          const expectFailure = delivery !== "sync" && thenThrows(materialize(seed));
          expect({ status: response.status, body }).toEqual(
            expectFailure ? { status: 500, body: FAILED } : { status: 403, body: FORBIDDEN },
          );
          if (expectFailure) failed++;
          else forbidden++;
        }),
        { numRuns: RUNS },
      );
      console.log(
        `createAuthHandler on ${target}, ${RUNS} callback decisions that allow nothing: ${forbidden} refused with 403; ` +
          `${failed} answered 500 because the callback's promise rejected (it resolved with a value whose "then" throws)`,
      );
      expect(forbidden).toBeGreaterThan(RUNS / 2);
    },
  );

  it("still allows explicitly: true for private and encrypted channels, valid presenceData, valid user data, in every delivery", async () => {
    for (const delivery of ["sync", "async", "thenable"] as const) {
      const handler = createAuthHandler({
        ...credentials,
        onChannelAuthorization: ({ channelName }) =>
          answering(channelName.startsWith("presence-") ? { presenceData: { user_id: "1" } } : true, delivery)() as never,
        onUserAuthentication: answering({ id: "1" }, delivery) as never,
      });
      const requests: Record<string, string>[] = [
        { socket_id: "1.1", channel_name: "private-a" },
        { socket_id: "1.1", channel_name: "private-encrypted-vault" },
        { socket_id: "1.1", channel_name: "presence-a" },
        { socket_id: "1.1" },
      ];
      for (const fields of requests) {
        const response = await handler(formRequest(fields));
        expect(response.status).toBe(200);
        expect(await response.json()).toHaveProperty("auth");
      }
    }
  });
});
