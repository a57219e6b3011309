// The end-to-end proof of the one-line migration: one application (support/program.ts), written
// against the official `pusher` package's API, runs twice against a real soketi with real
// pusher-js clients — once with `pusher`, once with `@x/server/compat` in its place — and
// everything it got back and everything its clients received must be the same, but for the one
// documented difference the program can see (see `expectedFromCompat`). A RequestError's `url`
// is compared without its query, which is signed and so differs from run to run anyway.
import { startLocalPusher } from "@x/testing";
import { asLocalServer, soketiInstall, type LocalServer } from "tools-test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Compat, Official } from "./support/both-sdks.js";
import { OCCUPIED_CHANNELS, runProgram, startWebhookReceiver, type ProgramRun } from "./support/program.js";

/**
 * The official value a run with `@x/server/compat` must give back, by the documented rule of
 * docs/migrating-from-pusher.md ("a failure in a 2xx body"): where the official package
 * resolves with a 2xx whose JSON body is `{"error": "...", "code": N}` with N ≥ 400 (soketi's
 * way of failing: a wrong secret, a payload too large), the compat entry rejects with a
 * RequestError of that status whose `body` is the server's message. Any other value is expected
 * as it is. Returns whether the rule applied, so the test can check where it did.
 */
function expectedFromCompat(official: unknown): { expected: unknown; ruled: boolean } {
  const { status, body } = official as { status?: unknown; body?: unknown };
  if (typeof status !== "number" || status >= 300 || typeof body !== "string") return { expected: official, ruled: false };
  let parsed: { error?: unknown; code?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { expected: official, ruled: false };
  }
  if (typeof parsed.error !== "string" || typeof parsed.code !== "number" || parsed.code < 400) return { expected: official, ruled: false };
  return {
    ruled: true,
    expected: {
      threw: {
        kind: "RequestError",
        // The official message, then the reason: the server's code first.
        message: expect.stringMatching(
          new RegExp(
            `^Request failed with an error: [A-Z]+ \\S+ failed: ${parsed.code} ${parsed.error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(answered with HTTP ${status}\\)$`,
          ),
        ) as unknown,
        status,
        body: parsed.error,
        url: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:${soketi.port}/apps/app-id/`)) as unknown,
      },
    },
  };
}

let soketi: LocalServer;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const runs: Partial<Record<"official" | "compat", ProgramRun>> = {};

/** Waits until none of the program's channels is occupied, so that the next run starts afresh. */
async function untilVacated(): Promise<void> {
  const pusher = new Compat({
    appId: soketi.appId,
    key: soketi.key,
    secret: soketi.secret,
    host: "127.0.0.1",
    port: String(soketi.port),
    useTLS: false,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { channels } = (await (await pusher.get({ path: "/channels" })).json()) as { channels: Record<string, unknown> };
    if (!OCCUPIED_CHANNELS.some((name) => name in channels)) return;
    if (Date.now() > deadline) throw new Error(`channels still occupied: ${Object.keys(channels).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  soketi = asLocalServer(
    await startLocalPusher({ ...soketiInstall, appId: "app-id", webhooks: [{ url: receiver.url, event_types: ["channel_occupied"] }] }),
  );
  for (const [name, Pusher] of [
    ["official", Official],
    ["compat", Compat],
  ] as const) {
    await untilVacated();
    receiver.webhooks.length = 0;
    runs[name] = await runProgram(Pusher, soketi, receiver.webhooks);
  }
}, 180_000);

afterAll(async () => {
  await soketi?.stop();
  await receiver?.stop();
});

describe("one program, run with `pusher` and then with `@x/server/compat`", () => {
  it("gets back the same values, in the same order", () => {
    const official = runs.official!.values;
    const compat = runs.compat!.values;
    expect(compat.map(([label]) => label)).toEqual(official.map(([label]) => label));
    const ruled: string[] = [];
    for (let index = 0; index < official.length; index++) {
      const [label, value] = official[index]!;
      const { expected, ruled: byRule } = expectedFromCompat(value);
      if (byRule) ruled.push(label);
      expect({ [label]: compat[index]![1] }).toEqual({ [label]: expected });
    }
    // The rule served exactly where the server reported a failure in a 200.
    expect(ruled).toEqual(["get a missing channel's users", "trigger too large for the server", "trigger with a wrong secret"]);
  });

  it("its pusher-js clients receive the same events, encrypted ones decrypted to the same values", () => {
    expect(runs.compat!.received).toEqual(runs.official!.received);
    // And the run did what it says: events arrived, the exclusions held, encrypted data decrypted.
    const alice = runs.official!.received.alice as { channel?: string; event?: string; data?: unknown; user?: string }[];
    const bob = runs.official!.received.bob as typeof alice;
    expect(alice.filter((entry) => entry.event === "secret").map((entry) => entry.data)).toEqual([
      "a secret string",
      { pin: 1234, nested: { ok: true } },
    ]);
    expect(alice.some((entry) => entry.event === "excluded")).toBe(false);
    expect(bob.some((entry) => entry.event === "excluded")).toBe(true);
    expect(bob.filter((entry) => entry.user === "notification")).toEqual([{ user: "notification", data: { text: "hi bob" } }]);
    expect(alice.some((entry) => entry.user === "notification")).toBe(false);
  });

  it("the values are the real ones: the events went through, the failures failed", () => {
    const values = Object.fromEntries(runs.compat!.values);
    expect(values["trigger object"]).toEqual({ status: 200, body: expect.any(String) as string });
    expect(values["trigger with a wrong secret"]).toMatchObject({
      threw: { kind: "RequestError", status: 200, body: "The secret authentication failed" },
    });
    expect(values["get an unknown path"]).toMatchObject({
      threw: { kind: "RequestError", message: "Unexpected status code 404", status: 404 },
    });
    expect(values["the victim's connection"]).not.toBe("connected");
    expect(values["webhooks: every one valid"]).toBe(true);
    expect(values["webhook with a tampered body"]).toBe(false);
    expect(values["webhook with an extra token"]).toBe(true);
    expect(values["createSignedQueryString used by hand"]).toMatchObject({ status: 200 });
  });
});
