// Fuzz of the two signing functions (fast-check, 20,000 inputs each): arbitrary and hostile
// values in every argument position, and valid arguments one mistake away. Whatever they get,
// they either sign, exactly what they return, or throw one of the SDK's own errors (never a
// TypeError or RangeError, never what a hostile getter threw), and no error carries the secret.
import fc from "fast-check";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticateUser, authorizeChannel, isPusherError } from "../src/index.js";
import { HOSTILE_MESSAGE, anyOrHostile, errorText, materialize, mutated } from "../../types/test/support/hostile-values.js";

const RUNS = 20_000;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
const SECRET = "fuzz-secret-3f9a2c71";
const MASTER_KEY = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";
const credentials = { key: "fuzz-key", secret: SECRET, encryptionMasterKeyBase64: MASTER_KEY };

const credentialsArb = fc.oneof({ arbitrary: fc.constant(credentials), weight: 6 }, mutated(credentials), anyOrHostile);
const socketIdArb = fc.oneof(fc.stringMatching(/^\d{1,8}\.\d{1,8}$/), fc.string({ maxLength: 12 }), anyOrHostile);
const channelNameArb = fc.oneof(
  fc
    .tuple(fc.constantFrom("private-", "presence-", "private-encrypted-", "", "cache-"), fc.stringMatching(/^[A-Za-z0-9_\-=@,.;]{1,20}$/))
    .map(([prefix, rest]) => prefix + rest),
  fc.string({ maxLength: 20 }),
  anyOrHostile,
);
const presenceDataArb = fc.oneof(
  fc.constant(undefined),
  fc.record({
    user_id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
    user_info: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  }),
  mutated({ user_id: "42", user_info: { name: "Ada" } }),
  anyOrHostile,
);
const userDataArb = fc.oneof(
  fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_\-=@,.;]{1,12}$/), user_info: fc.option(fc.object({ maxDepth: 2 }), { nil: undefined }) }),
  mutated({ id: "42", user_info: { name: "Ada" }, watchlist: ["7", "9"] }),
  anyOrHostile,
);
const channelParamsArb = fc.oneof(
  fc.record({ socketId: socketIdArb, channelName: channelNameArb, presenceData: presenceDataArb }, { requiredKeys: [] }),
  mutated({ socketId: "1234.1234", channelName: "presence-room", presenceData: { user_id: "42" } }),
  mutated({ socketId: "1234.1234", channelName: "private-encrypted-room" }),
  anyOrHostile,
);
const userParamsArb = fc.oneof(
  fc.record({ socketId: socketIdArb, userData: userDataArb }, { requiredKeys: [] }),
  mutated({ socketId: "1234.1234", userData: { id: "42" } }),
  anyOrHostile,
);

const hmac = (message: string) => createHmac("sha256", SECRET).update(message).digest("hex");

/** Runs `sign` and checks the one rule for what it throws; tallies the outcome by error code. */
function outcomeOf(sign: () => unknown, tally: Map<string, number>): unknown {
  let result: unknown;
  let outcome = "signed";
  try {
    result = sign();
  } catch (error) {
    expect(isPusherError(error), `threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`).toBe(true);
    const text = errorText(error);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(MASTER_KEY);
    expect(text).not.toContain(HOSTILE_MESSAGE);
    outcome = `${(error as { name: string }).name} ${(error as { code: string }).code}`;
    result = undefined;
  }
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  return result;
}

/**
 * Runs `sign(any credentials, any params)` on {@link RUNS} inputs: each either throws by the rule
 * of {@link outcomeOf}, or signs, and when it signed with the valid credentials, `checkSigned`
 * checks what it returned. Reports the outcomes and expects a share of them to be signatures.
 */
function fuzzSigning<R>(
  name: string,
  paramsArb: fc.Arbitrary<unknown>,
  sign: (given: never, params: never) => R,
  checkSigned: (result: R, params: unknown) => void,
): void {
  const tally = new Map<string, number>();
  fc.assert(
    fc.property(credentialsArb, paramsArb, (givenSeeds, paramSeeds) => {
      const given = givenSeeds === credentials ? credentials : materialize(givenSeeds);
      const params = materialize(paramSeeds);
      const result = outcomeOf(() => sign(given as never, params as never), tally) as R | undefined;
      if (result !== undefined && given === credentials) checkSigned(result, params);
    }),
    { numRuns: RUNS },
  );
  const rows = [...tally]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, count]) => (outcome === "signed" ? `${count} signed` : `${count} refused with ${outcome}`));
  console.log(`${name}, ${RUNS} random and hostile arguments: ${rows.join(", ")}`);
  expect(tally.get("signed")).toBeGreaterThan(RUNS / 50);
}

describe("authorizeChannel and authenticateUser under fuzzing", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it(`authorizeChannel(any credentials, any params) signs what it returns or throws only the SDK's errors (${RUNS} inputs)`, () => {
    fuzzSigning("authorizeChannel", channelParamsArb, authorizeChannel, (result, params) => {
      // Signed: the signature covers exactly the socket id, channel and channel_data returned.
      const { socketId, channelName } = params as { socketId: string; channelName: string };
      const signed = result.channel_data === undefined ? `${socketId}:${channelName}` : `${socketId}:${channelName}:${result.channel_data}`;
      expect(result.auth).toBe(`fuzz-key:${hmac(signed)}`);
      if (result.channel_data !== undefined) expect(JSON.parse(result.channel_data)).toHaveProperty("user_id");
      expect(result.shared_secret !== undefined).toBe(channelName.startsWith("private-encrypted-"));
    });
  });

  it(`authenticateUser(any credentials, any params) signs what it returns or throws only the SDK's errors (${RUNS} inputs)`, () => {
    fuzzSigning("authenticateUser", userParamsArb, authenticateUser, (result, params) => {
      const { socketId } = params as { socketId: string };
      expect(result.auth).toBe(`fuzz-key:${hmac(`${socketId}::user::${result.user_data}`)}`);
      expect(JSON.parse(result.user_data)).toHaveProperty("id");
    });
  });
});
