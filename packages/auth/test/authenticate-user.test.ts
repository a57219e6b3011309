import { isPusherConfigError, isPusherValidationError } from "@x/types";
import { describe, expect, it } from "vitest";
import { withPollutedPrototype } from "../../types/test/support/polluted-prototype.js";
import { authenticateUser } from "../src/index.js";

// docs/protocol.md §5, auth vectors: expected values are copied verbatim from there.
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("authenticateUser vectors (docs/protocol.md §5)", () => {
  it("authenticateUser(key/secret, id 1234) returns the documented response JSON", () => {
    const result = authenticateUser({ key: "key", secret: "secret" }, { socketId: "12345.12345", userData: { id: "1234" } });
    expect(JSON.stringify(result)).toBe(
      '{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\\"id\\":\\"1234\\"}"}',
    );
  });

  it("authenticateUser(docs, id 12345) returns the documented auth", () => {
    const credentials = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
    expect(authenticateUser(credentials, { socketId: "1234.1234", userData: { id: "12345" } })).toEqual({
      auth: "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
      user_data: '{"id":"12345"}',
    });
  });

  it("authenticateUser(tofu, id 45678) returns the vector's signature", () => {
    expect(authenticateUser({ key: "f00d", secret: "tofu" }, { socketId: "123.456", userData: { id: "45678" } })).toEqual({
      auth: "f00d:f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
      user_data: '{"id":"45678"}',
    });
  });

  it("authenticateUser refuses the UTF-8 id of the tofu vector: user ids use the channel-name set (docs/protocol.md §4)", () => {
    const error = thrown(() => authenticateUser({ key: "f00d", secret: "tofu" }, { socketId: "1.1", userData: { id: "ą§¶™€łü€ß£" } }));
    expect(isPusherValidationError(error) && error.code).toBe("invalid_user_id");
  });

  it("authenticateUser returns user_data as exactly JSON.stringify(userData), Unicode user_info included", () => {
    const userData = { id: "42", user_info: { name: "Zoë 🚀 ą§¶™€" }, watchlist: ["7", "9"] };
    const result = authenticateUser({ key: "key", secret: "secret" }, { socketId: "1.1", userData });
    expect(result.user_data).toBe('{"id":"42","user_info":{"name":"Zoë 🚀 ą§¶™€"},"watchlist":["7","9"]}');
    expect(result.auth).toMatch(/^key:[0-9a-f]{64}$/);
  });

  it("authenticateUser accepts a watchlist of 100 ids", () => {
    const watchlist = Array.from({ length: 100 }, (_, index) => `user-${index}`);
    const result = authenticateUser({ key: "key", secret: "secret" }, { socketId: "1.1", userData: { id: "42", watchlist } });
    expect(JSON.parse(result.user_data)).toEqual({ id: "42", watchlist });
  });
});

describe("authenticateUser validation errors", () => {
  const cases: [string, unknown, string, string, string][] = [
    ["no userData", undefined, "1.1", "invalid_user_data", "userData"],
    ["userData without id", { user_info: {} }, "1.1", "invalid_user_id", "userData.id"],
    ["an empty id", { id: "" }, "1.1", "invalid_user_id", "userData.id"],
    ["a numeric id", { id: 42 }, "1.1", "invalid_user_id", "userData.id"],
    ["an id with a space", { id: "a b" }, "1.1", "invalid_user_id", "userData.id"],
    ["a 201-character id", { id: "x".repeat(201) }, "1.1", "invalid_user_id", "userData.id"],
    ["a user_info that is not an object", { id: "1", user_info: "Ada" }, "1.1", "invalid_user_data", "userData.user_info"],
    [
      "a watchlist of 101 ids",
      { id: "1", watchlist: Array.from({ length: 101 }, (_, index) => String(index)) },
      "1.1",
      "invalid_user_data",
      "userData.watchlist",
    ],
    ["a bad id in the watchlist", { id: "1", watchlist: ["7", ""] }, "1.1", "invalid_user_id", "userData.watchlist[1]"],
    ["the socket id 1.1:", { id: "1" }, "1.1:", "invalid_socket_id", "socketId"],
    ["an empty socket id", { id: "1" }, "", "invalid_socket_id", "socketId"],
  ];

  it.each(cases)("authenticateUser throws a PusherValidationError for %s", (_, userData, socketId, code, field) => {
    const error = thrown(() => authenticateUser({ key: "key", secret: "secret" }, { socketId, userData: userData as never }));
    expect(isPusherValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code, field });
  });

  it("authenticateUser throws a PusherConfigError naming secret for an empty secret", () => {
    const error = thrown(() => authenticateUser({ key: "key", secret: "" }, { socketId: "1.1", userData: { id: "1" } }));
    expect(isPusherConfigError(error) && error.option).toBe("secret");
  });
});

describe("authenticateUser with hostile arguments", () => {
  const credentials = { key: "key", secret: "secret-that-must-not-leak" };
  const cycle: Record<string, unknown> = { id: "1" };
  cycle.user_info = { cycle };

  it.each([
    ["null params", null, "invalid_params", "params"],
    ["params that are a number", 42, "invalid_params", "params"],
    ["a BigInt in user_info", { socketId: "1.1", userData: { id: "1", user_info: { n: 1n } } }, "invalid_user_data", "userData"],
    ["a cycle in userData", { socketId: "1.1", userData: cycle }, "invalid_user_data", "userData"],
    [
      "userData whose toJSON throws",
      {
        socketId: "1.1",
        userData: {
          id: "1",
          toJSON() {
            throw new Error("boom");
          },
        },
      },
      "invalid_user_data",
      "userData",
    ],
    ["true as userData", { socketId: "1.1", userData: true }, "invalid_user_data", "userData"],
  ])("throws a PusherValidationError for %s, never a TypeError, and no secret", (_, params, code, field) => {
    const error = thrown(() => authenticateUser(credentials, params as never));
    expect(isPusherValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code, field });
    expect(`${(error as Error).message}${JSON.stringify(error)}`).not.toContain(credentials.secret);
  });

  it("throws a PusherConfigError naming credentials for null credentials and params", () => {
    const error = thrown(() => authenticateUser(null as never, null as never));
    expect(isPusherConfigError(error) && error.option).toBe("credentials");
  });
});

describe("authenticateUser: a polluted Object.prototype", () => {
  it("takes no argument planted there: only own properties are read", async () => {
    await withPollutedPrototype({ userData: { id: "admin" }, socketId: "1.1" }, () => {
      const error = thrown(() => authenticateUser({ key: "key", secret: "secret" }, {} as never));
      expect(error).toMatchObject({ code: "invalid_socket_id", field: "socketId" });
      const noUser = thrown(() => authenticateUser({ key: "key", secret: "secret" }, { socketId: "1.1" } as never));
      expect(noUser).toMatchObject({ code: "invalid_user_data", field: "userData" });
    });
  });
});
