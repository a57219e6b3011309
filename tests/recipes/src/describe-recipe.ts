import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { startLocalPusher } from "@x/testing";
import {
  asLocalServer,
  connectClient,
  descendantPids,
  freePort,
  isRunning,
  soketiInstall,
  type LocalServer,
  type TestClient,
} from "tools-test-support";
import { Pusher } from "@x/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RECIPE_USERS, RECIPE_WEBHOOK_EVENTS, type RecipeUserId } from "./recipe-contract.ts";

/**
 * Where a recipe must serve, and the Pusher-compatible server it talks to.
 *
 * @example
 * ```ts
 * const start = async ({ port, pusherUrl }: RecipeEnvironment) => listen(createApp(Pusher.fromUrl(pusherUrl)), port);
 * ```
 */
export interface RecipeEnvironment {
  /** The loopback port the app must listen on (host 127.0.0.1). */
  port: number;
  /** `PUSHER_URL` of the local soketi: `http://KEY:SECRET@127.0.0.1:PORT/apps/APP_ID`. */
  pusherUrl: string;
  /** The same as variables, for an app that runs as a process: `PORT`, `HOST`, `PUSHER_URL`. */
  env: Record<string, string>;
}

/**
 * A started recipe.
 *
 * @example
 * ```ts
 * const app: StartedRecipe = { url: "http://127.0.0.1:3000", stop: () => close(server) };
 * ```
 */
export interface StartedRecipe {
  /** `http://127.0.0.1:<port>`, with no trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/**
 * What a recipe's own further checks can use, once the recipe has started (see the `moreChecks`
 * option of {@link describeRecipe}).
 *
 * @example
 * ```ts
 * const client = await recipe().connectAs("alice", { auth: "/api/pages-router/auth" });
 * ```
 */
export interface RecipeUnderTest {
  app: StartedRecipe;
  soketi: LocalServer;
  /** A pusher-js client whose session is `user`'s (none when undefined), authorized through the app's endpoints (by default `/pusher/auth` and `/pusher/user-auth`); disconnected after each test. */
  connectAs(user?: RecipeUserId, paths?: { auth?: string; userAuth?: string }): Promise<TestClient>;
  /** The headers of a webhook whose body is `body`, signed with the app's key and secret as Pusher signs it. */
  signedWebhookHeaders(body: string): Record<string, string>;
}

/**
 * Options of {@link describeRecipe}.
 *
 * @example
 * ```ts
 * const options: RecipeCheckOptions = { moreChecks: (recipe) => it("…", async () => { await recipe().connectAs("bob"); }) };
 * ```
 */
export interface RecipeCheckOptions {
  /** Registers the recipe's own tests, run after the common checks and before the final stop. */
  moreChecks?: (recipe: () => RecipeUnderTest) => void;
}

interface Member {
  id: string;
  info: { name: string };
}

interface SigninError {
  status?: number;
}

const WEBHOOK_WAIT_MS = 15_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Registers the checks every recipe passes, as a vitest `describe`: soketi is started on free
 * loopback ports with its webhooks pointed at the app, then `start` starts the app, and real
 * pusher-js clients (their Node build, whose `ajax` transport posts forms as browsers do) drive
 * it:
 *
 * - a private and a presence subscription succeed through `/pusher/auth`; a refused private
 *   channel and a subscription without a session fail with status 403; a client-chosen
 *   `X-Pusher-Signature` header changes nothing (never a 500);
 * - a sign-in through `/pusher/user-auth` works, and `sendToUser` reaches the user; a sign-in
 *   without a session fails with status 403;
 * - `POST /messages` triggers an event that reaches the subscribed clients; it answers 401
 *   without a session, 403 for a channel the user may not post to and 413 for a 2 MiB body;
 * - the webhooks soketi sends to `/pusher/webhooks` are accepted (they show in
 *   `GET /webhooks/events`); a webhook signed by the test is accepted (200), a tampered one
 *   refused (401), one replayed a year later refused (401), and the same delivery twice
 *   reaches the app once;
 * - stopping the app and soketi leaves no process behind (no descendant of the test process).
 *
 * @example
 * ```ts
 * describeRecipe("Express", async ({ port, pusherUrl }) => startExpressApp({ port, pusher: Pusher.fromUrl(pusherUrl) }));
 * ```
 */
export function describeRecipe(
  name: string,
  start: (environment: RecipeEnvironment) => Promise<StartedRecipe>,
  options: RecipeCheckOptions = {},
): void {
  describe(`the ${name} recipe, with pusher-js clients against soketi`, () => {
    let pidsBefore: number[] = [];
    let soketi: LocalServer;
    let app: StartedRecipe;
    let pusher: Pusher;
    const clients: TestClient[] = [];

    beforeAll(async () => {
      pidsBefore = await descendantPids();
      const port = await freePort();
      const local = await startLocalPusher({
        ...soketiInstall,
        webhooks: [{ url: `http://127.0.0.1:${port}/pusher/webhooks`, event_types: RECIPE_WEBHOOK_EVENTS }],
      });
      soketi = asLocalServer(local);
      const pusherUrl = local.url;
      pusher = Pusher.fromUrl(pusherUrl);
      app = await start({ port, pusherUrl, env: { PORT: String(port), HOST: "127.0.0.1", PUSHER_URL: pusherUrl } });
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.disconnect()));
    });

    afterAll(async () => {
      await app?.stop();
      await soketi?.stop();
    });

    const sessionHeaders = (user?: RecipeUserId): Record<string, string> => (user === undefined ? {} : { authorization: `Bearer ${user}` });

    async function connectAs(user?: RecipeUserId, paths: { auth?: string; userAuth?: string } = {}): Promise<TestClient> {
      const headers = sessionHeaders(user);
      const client = await connectClient(soketi, {
        channelAuthorization: { endpoint: `${app.url}${paths.auth ?? "/pusher/auth"}`, transport: "ajax", headers },
        userAuthentication: { endpoint: `${app.url}${paths.userAuth ?? "/pusher/user-auth"}`, transport: "ajax", headers },
      });
      clients.push(client);
      return client;
    }

    function postMessage(body: unknown, user?: RecipeUserId): Promise<Response> {
      return fetch(`${app.url}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...sessionHeaders(user) },
        body: JSON.stringify(body),
      });
    }

    async function receivedWebhookEvents(): Promise<Record<string, unknown>[]> {
      const response = await fetch(`${app.url}/webhooks/events`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { events: Record<string, unknown>[] }).events;
    }

    async function waitForWebhookEvent(expected: Record<string, unknown>): Promise<void> {
      const deadline = Date.now() + WEBHOOK_WAIT_MS;
      while (Date.now() < deadline) {
        if ((await receivedWebhookEvents()).some((event) => Object.entries(expected).every(([key, value]) => event[key] === value))) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(
        `no webhook event like ${JSON.stringify(expected)} within ${WEBHOOK_WAIT_MS} ms: ${JSON.stringify(await receivedWebhookEvents())}`,
      );
    }

    function signedWebhookHeaders(body: string): Record<string, string> {
      return {
        "content-type": "application/json",
        "x-pusher-key": soketi.key,
        "x-pusher-signature": createHmac("sha256", soketi.secret).update(body).digest("hex"),
      };
    }

    it("authorizes a private channel through /pusher/auth: the subscription succeeds", async () => {
      const alice = await connectAs("alice");
      expect((await alice.subscribe("private-chat-general")).subscribed).toBe(true);
    });

    it("authorizes a presence channel: both members see each other with their user_info", async () => {
      const alice = await connectAs("alice");
      const lobbyOfAlice = await alice.subscribe("presence-lobby");
      const bobSeenByAlice = new Promise<Member>((resolve) => lobbyOfAlice.bind("pusher:member_added", resolve));
      const bob = await connectAs("bob");
      const lobbyOfBob = (await bob.subscribe("presence-lobby")) as unknown as {
        members: { count: number; get(id: string): Member | null };
      };
      expect(await bobSeenByAlice).toEqual({ id: "bob", info: { name: RECIPE_USERS.bob.name } });
      expect(lobbyOfBob.members.count).toBe(2);
      expect(lobbyOfBob.members.get("alice")).toEqual({ id: "alice", info: { name: RECIPE_USERS.alice.name } });
    });

    it("refuses a private channel the session may not join: the subscription fails with status 403", async () => {
      const bob = await connectAs("bob");
      await expect(bob.subscribe("private-admin-ops")).rejects.toMatchObject({ status: 403 });
      // The same channel is open to an admin: the refusal is the application's decision.
      const alice = await connectAs("alice");
      expect((await alice.subscribe("private-admin-ops")).subscribed).toBe(true);
    });

    it("refuses every channel without a session: status 403", async () => {
      const anonymous = await connectAs();
      await expect(anonymous.subscribe("private-chat-general")).rejects.toMatchObject({ status: 403 });
      await expect(anonymous.subscribe("presence-lobby")).rejects.toMatchObject({ status: 403 });
    });

    it("answers an auth request whose client added X-Pusher-Signature as any other: 200 for a session, 403 without, never 500", async () => {
      const statuses: number[] = [];
      for (const user of ["alice", undefined] as const) {
        const response = await fetch(`${app.url}/pusher/auth`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-pusher-signature": "ab12", ...sessionHeaders(user) },
          body: "socket_id=1234.1234&channel_name=private-chat-general",
        });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 403]);
    });

    it("signs a user in through /pusher/user-auth, and sendToUser reaches them", async () => {
      const alice = await connectAs("alice");
      alice.pusher.signin();
      await alice.pusher.user.signinDonePromise;
      expect(alice.pusher.user.user_data).toEqual({ id: "alice", user_info: { name: RECIPE_USERS.alice.name } });
      const notified = new Promise<unknown>((resolve) => alice.pusher.user.bind("notice", resolve));
      await pusher.sendToUser("alice", "notice", { text: "for Alice only" });
      expect(await notified).toEqual({ text: "for Alice only" });
    });

    it("refuses a sign-in without a session: pusher:signin_error with status 403", async () => {
      const anonymous = await connectAs();
      const refused = new Promise<SigninError>((resolve) => anonymous.pusher.user.bind("pusher:signin_error", resolve));
      anonymous.pusher.signin();
      expect(await refused).toMatchObject({ status: 403 });
      expect(anonymous.pusher.user.user_data).toBeNull();
    });

    it("triggers through POST /messages: the event reaches the subscribed clients, with the sender's name", async () => {
      const bob = await connectAs("bob");
      await bob.subscribe("private-chat-general");
      const received = bob.waitForEvent("private-chat-general", "message");
      const response = await postMessage({ channel: "private-chat-general", text: "hello from the recipe" }, "alice");
      expect(response.status).toBe(200);
      expect(await received).toEqual({ from: RECIPE_USERS.alice.name, text: "hello from the recipe" });
    });

    it("refuses POST /messages without a session (401) and on a channel the user may not post to (403)", async () => {
      const anonymous = await postMessage({ channel: "private-chat-general", text: "x" });
      await anonymous.body?.cancel();
      expect(anonymous.status).toBe(401);
      const forbidden = await postMessage({ channel: "private-admin-ops", text: "x" }, "bob");
      await forbidden.body?.cancel();
      expect(forbidden.status).toBe(403);
    });

    it("refuses a POST /messages body of 2 MiB (413): the app bounds what it reads, as the SDK's handlers do", async () => {
      const body = JSON.stringify({ channel: "private-chat-general", text: "x".repeat(2 * 1024 * 1024) });
      // A connection of its own: a server that answers before reading the body may leave the rest
      // of it on the connection, which a pooled fetch would then reuse.
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${app.url}/messages`, {
          method: "POST",
          agent: false,
          headers: { "content-type": "application/json", ...sessionHeaders("alice") },
        });
        request.on("response", (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on("error", reject);
        request.end(body);
      });
      expect(status).toBe(413);
    });

    it("accepts the webhooks soketi sends: member_added of the presence channel reaches the app", async () => {
      const bob = await connectAs("bob");
      await bob.subscribe("presence-webhooks");
      await waitForWebhookEvent({ name: "member_added", channel: "presence-webhooks", user_id: "bob" });
    });

    it("accepts a webhook signed with the app's secret (200) and refuses a tampered one (401)", async () => {
      const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_occupied", channel: "private-chat-signed" }] });
      const accepted = await fetch(`${app.url}/pusher/webhooks`, { method: "POST", headers: signedWebhookHeaders(body), body });
      await accepted.body?.cancel();
      expect(accepted.status).toBe(200);
      expect(await receivedWebhookEvents()).toContainEqual({ name: "channel_occupied", channel: "private-chat-signed" });

      const tampered = body.replace("private-chat-signed", "private-chat-forged");
      const refused = await fetch(`${app.url}/pusher/webhooks`, { method: "POST", headers: signedWebhookHeaders(body), body: tampered });
      await refused.body?.cancel();
      expect(refused.status).toBe(401);
      expect(await receivedWebhookEvents()).not.toContainEqual({ name: "channel_occupied", channel: "private-chat-forged" });
    });

    it("refuses a captured webhook replayed a year later (401): the SDK's freshness window is on by default", async () => {
      const body = JSON.stringify({
        time_ms: Date.now() - YEAR_MS,
        events: [{ name: "channel_occupied", channel: "private-chat-year-old" }],
      });
      const replayed = await fetch(`${app.url}/pusher/webhooks`, { method: "POST", headers: signedWebhookHeaders(body), body });
      await replayed.body?.cancel();
      expect(replayed.status).toBe(401);
      expect(await receivedWebhookEvents()).not.toContainEqual({ name: "channel_occupied", channel: "private-chat-year-old" });
    });

    it("answers the same delivery twice with 200 and calls the app once: the SDK remembers what it processed", async () => {
      const channel = `private-chat-twice-${Date.now()}`;
      const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_occupied", channel }] });
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await fetch(`${app.url}/pusher/webhooks`, { method: "POST", headers: signedWebhookHeaders(body), body });
        await response.body?.cancel();
        expect(response.status).toBe(200);
      }
      expect((await receivedWebhookEvents()).filter((event) => event.channel === channel)).toEqual([{ name: "channel_occupied", channel }]);
    });

    options.moreChecks?.(() => ({ app, soketi, connectAs, signedWebhookHeaders }));

    it("stops, leaving no process behind", async () => {
      // Everything started since: soketi, the app, and whatever they started in turn (a launcher's
      // child outlives a stopped launcher as an orphan, no longer a descendant of this process).
      const started = (await descendantPids()).filter((pid) => !pidsBefore.includes(pid));
      await app.stop();
      await soketi.stop();
      expect(started.filter(isRunning)).toEqual([]);
      expect(await descendantPids()).toEqual(pidsBefore);
    });
  });
}
