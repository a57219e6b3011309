import { isPusherConfigError, isPusherValidationError, type PusherValidationError } from "@x/types";
import { describe, expect, it } from "vitest";
import { createRestClient, type RestClient, type RestClientOptions } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";

function recordingClient(options: Partial<RestClientOptions> = {}) {
  const fake = fakeFetch();
  return { client: createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch, ...options }), requests: fake.requests };
}

async function validationFailure(call: (client: RestClient) => Promise<unknown>, options: Partial<RestClientOptions> = {}) {
  const { client, requests } = recordingClient(options);
  const error = await call(client).then(
    () => expect.unreachable("the call should have been refused"),
    (failure: unknown) => failure,
  );
  expect(requests).toHaveLength(0);
  return error;
}

const tooLarge = "é".repeat(5_121); // 10,242 UTF-8 bytes in 5,121 characters

describe("input is validated before anything is sent", () => {
  it.each<[string, (client: RestClient) => Promise<unknown>, string, string]>([
    ["trigger() with a bad channel name", (c) => c.trigger("bad channel", "e", "x"), "invalid_channel_name", "channel"],
    ["trigger() with a bad name in a list", (c) => c.trigger(["ok", "b@d!"], "e", "x"), "invalid_channel_name", "channels[1]"],
    [
      "trigger() with channels that are neither a name nor a list",
      (c) => c.trigger(42 as never, "e", "x"),
      "invalid_channel_name",
      "channels",
    ],
    ["trigger() with no channel", (c) => c.trigger([], "e", "x"), "too_many_channels", "channels"],
    ["trigger() on a #server-to-user- channel", (c) => c.trigger("#server-to-user-1", "e", "x"), "invalid_channel_name", "channel"],
    ["trigger() with an empty event name", (c) => c.trigger("a", "", "x"), "invalid_event_name", "event"],
    ["trigger() with a 201-character event name", (c) => c.trigger("a", "e".repeat(201), "x"), "invalid_event_name", "event"],
    ["trigger() with socket id 1.1:", (c) => c.trigger("a", "e", "x", { socketId: "1.1:" }), "invalid_socket_id", "socketId"],
    ["trigger() with socket id 1.1\\n", (c) => c.trigger("a", "e", "x", { socketId: "1.1\n" }), "invalid_socket_id", "socketId"],
    [
      "trigger() with an unknown info attribute",
      (c) => c.trigger("a", "e", "x", { info: ["cache" as "user_count"] }),
      "invalid_params",
      "info",
    ],
    ["trigger() with data over 10,240 UTF-8 bytes", (c) => c.trigger("a", "e", tooLarge), "payload_too_large", "data"],
    ["trigger() with data JSON cannot encode", (c) => c.trigger("a", "e", { n: 1n }), "invalid_params", "data"],
    ["trigger() with undefined data", (c) => c.trigger("a", "e", undefined), "invalid_params", "data"],
    ["triggerBatch() with events that are not a list", (c) => c.triggerBatch({} as never), "invalid_params", "events"],
    ["triggerBatch() with no event", (c) => c.triggerBatch([]), "batch_too_large", "events"],
    [
      "triggerBatch() with a bad fourth event",
      (c) => c.triggerBatch([...Array(3).fill({ channel: "a", name: "e", data: 1 }), { channel: "a", name: "", data: 1 }]),
      "invalid_event_name",
      "events[3].name",
    ],
    [
      "triggerBatch() with an oversize event",
      (c) => c.triggerBatch([{ channel: "a", name: "e", data: tooLarge }]),
      "payload_too_large",
      "events[0].data",
    ],
    [
      "triggerBatch() with a bad socket id",
      (c) => c.triggerBatch([{ channel: "a", name: "e", data: 1, socketId: ":1.1" }]),
      "invalid_socket_id",
      "events[0].socketId",
    ],
    ["triggerBatch() with a non-object event", (c) => c.triggerBatch([null as never]), "invalid_params", "events[0]"],
    ["channels() with user_count but no presence- filter", (c) => c.channels({ info: ["user_count"] }), "invalid_params", "info"],
    ["channels() with a bad prefix", (c) => c.channels({ filterByPrefix: "a b" }), "invalid_channel_name", "filterByPrefix"],
    ["channel() with a bad name", (c) => c.channel("a/b"), "invalid_channel_name", "channel"],
    ["users() on a non-presence channel", (c) => c.users("private-room"), "invalid_channel_name", "presenceChannel"],
    ["terminateUserConnections() with an empty id", (c) => c.terminateUserConnections(""), "invalid_user_id", "userId"],
    ["sendToUser() with a bad id", (c) => c.sendToUser("a b", "e", "x"), "invalid_user_id", "userId"],
    ["get() with a reserved param", (c) => c.get("/channels", { auth_signature: "x" }), "reserved_param", "params"],
    ["get() with a reserved param in upper case", (c) => c.get("/channels", { BODY_MD5: "x" }), "reserved_param", "params"],
    ["get() with a query in the path", (c) => c.get("/channels?x=1"), "invalid_params", "path"],
    ["post() with a relative path", (c) => c.post("events", {}), "invalid_params", "path"],
    // Paths that URL parsing would change between signing and sending, some out of /apps/<appId>.
    ["get() with a .. segment", (c) => c.get("/../other-app/channels"), "invalid_params", "path"],
    ["get() with an encoded .. segment", (c) => c.get("/%2e%2e/other-app/channels"), "invalid_params", "path"],
    ["get() with a . segment", (c) => c.get("/./channels"), "invalid_params", "path"],
    ["get() with a backslash", (c) => c.get("/channels\\x"), "invalid_params", "path"],
    ["get() with a non-ASCII path", (c) => c.get("/chaînes"), "invalid_params", "path"],
    ["get() with a lone surrogate in the path", (c) => c.get("/\ud800"), "invalid_params", "path"],
    ["get() with a tab in the path", (c) => c.get("/chan\tnels"), "invalid_params", "path"],
    ["request() with a path that is not a string", (c) => c.request("GET", 1n as never), "invalid_params", "path"],
  ])("%s is refused with %s on %s", async (_, call, code, field) => {
    const error = await validationFailure(call);

    expect(isPusherValidationError(error)).toBe(true);
    expect(error as PusherValidationError).toMatchObject({ code, field });
  });

  it("the payload limit counts UTF-8 bytes of the wire data: 10,240 pass, 10,241 do not", async () => {
    const { client, requests } = recordingClient();

    await client.trigger("a", "e", "é".repeat(5_120)); // a string is sent as-is: 10,240 bytes
    await client.trigger("a", "e", ["x".repeat(10_236)]); // ["…"] JSON-encoded: 10,240 bytes
    const refusedString = await validationFailure((c) => c.trigger("a", "e", `${"é".repeat(5_120)}x`));
    const refusedJson = await validationFailure((c) => c.trigger("a", "e", ["x".repeat(10_237)]));

    expect(requests).toHaveLength(2);
    expect(refusedString).toMatchObject({ code: "payload_too_large" });
    expect(refusedJson).toMatchObject({ code: "payload_too_large" });
  });

  it("maxPayloadBytes: false lifts the payload limit; a number changes it", async () => {
    const { client, requests } = recordingClient({ maxPayloadBytes: false });
    await client.trigger("a", "e", "x".repeat(200_000));
    expect(requests).toHaveLength(1);

    const refused = await validationFailure((c) => c.trigger("a", "e", "x".repeat(101)), { maxPayloadBytes: 100 });
    expect(refused).toMatchObject({ code: "payload_too_large" });
  });

  it("trigger() on an encrypted channel without a master key is a PusherConfigError", async () => {
    const error = await validationFailure((c) => c.trigger("private-encrypted-a", "e", "x"));

    expect(isPusherConfigError(error)).toBe(true);
    expect(error).toMatchObject({ option: "encryptionMasterKeyBase64" });
  });

  it("an invalid event anywhere in a long batch stops the whole call before the first request", async () => {
    const events = Array.from({ length: 25 }, (_, index) => ({ channel: "a", name: index === 24 ? "" : "e", data: index }));

    const error = await validationFailure((c) => c.triggerBatch(events));

    expect(error).toMatchObject({ code: "invalid_event_name", field: "events[24].name" });
  });

  it("an invalid channel anywhere in a long channel list stops the whole call before the first request", async () => {
    const channels = Array.from({ length: 250 }, (_, index) => (index === 249 ? "bad name" : `c${index}`));

    const error = await validationFailure((c) => c.trigger(channels, "e", "x"));

    expect(error).toMatchObject({ code: "invalid_channel_name", field: "channels[249]" });
  });
});

describe("options that are not an options object are refused with a typed error, and nothing is sent", () => {
  const notOptions = [null, 42, "socket", true] as unknown as undefined[];
  const calls: [string, (client: RestClient, options: undefined) => Promise<unknown>][] = [
    ["trigger()", (c, o) => c.trigger("a", "e", "x", o)],
    ["triggerBatch()", (c, o) => c.triggerBatch([{ channel: "a", name: "e", data: "x" }], o)],
    ["channels()", (c, o) => c.channels(o)],
    ["channel()", (c, o) => c.channel("a", o)],
    ["users()", (c, o) => c.users("presence-a", o)],
    ["terminateUserConnections()", (c, o) => c.terminateUserConnections("u1", o)],
    ["sendToUser()", (c, o) => c.sendToUser("u1", "e", "x", o)],
    ["get()", (c, o) => c.get("/channels", {}, o)],
    ["post()", (c, o) => c.post("/events", {}, {}, o)],
  ];

  it.each(calls)("%s rejects null, a number, a string and a boolean as options with a PusherValidationError", async (_name, call) => {
    for (const options of notOptions) {
      const error = await validationFailure((client) => call(client, options));
      expect(isPusherValidationError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: "invalid_params", field: "options" });
    }
  });

  it.each(calls)("%s rejects a signal that is not an AbortSignal", async (_name, call) => {
    const error = await validationFailure((client) => call(client, { signal: { aborted: "no" } } as never));
    expect(error).toMatchObject({ name: "PusherValidationError", field: "options.signal" });
  });

  it.each(calls)("%s rejects a look-alike of an AbortSignal (ky's AbortSignal.any would refuse it after the fact)", async (_name, call) => {
    const lookAlike = { aborted: false, reason: undefined, addEventListener() {}, removeEventListener() {}, throwIfAborted() {} };
    const error = await validationFailure((client) => call(client, { signal: lookAlike } as never));
    expect(error).toMatchObject({ name: "PusherValidationError", field: "options.signal" });
  });

  it("a call with bad options rejects: it does not throw synchronously", () => {
    const { client } = recordingClient();
    const pending = client.trigger("a", "e", "x", null as never);
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toMatchObject({ name: "PusherValidationError" });
  });

  it("a BigInt or a cycle in the data is a PusherValidationError naming the field", async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const data of [{ amount: 10n }, cycle]) {
      const error = await validationFailure((client) => client.trigger("a", "e", data));
      expect(error).toMatchObject({ name: "PusherValidationError", code: "invalid_params", field: "data" });
    }
  });
});
