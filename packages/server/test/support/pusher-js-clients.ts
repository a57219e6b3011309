// What the soketi tests of this package do with pusher-js clients: connect one whose auth
// endpoint is the app under test (its custom handlers send back the JSON an app's endpoint would
// send), sign it in, see it disconnected, and wait for what it receives.
import { connectClient, type LocalServer, type TestClient } from "tools-test-support";

type AuthCallback = (error: Error | null, data: unknown) => void;

/** The app's side of the auth endpoint: what it answers for a channel and for a sign-in. */
export interface ClientSigner {
  channel(socketId: string, channelName: string): object;
  user(socketId: string): object;
}

// Sent as JSON and read back, as over HTTP; a throw is the endpoint's refusal.
function answer(callback: AuthCallback, sign: () => object): void {
  try {
    callback(null, JSON.parse(JSON.stringify(sign())));
  } catch (error) {
    callback(error as Error, null);
  }
}

/** A pusher-js client of `soketi` whose channel authorization and sign-in `signer` answers. */
export function connectSigningClient(soketi: LocalServer, signer: ClientSigner): Promise<TestClient> {
  return connectClient(soketi, {
    channelAuthorization: {
      customHandler: ({ socketId, channelName }: { socketId: string; channelName: string }, callback: AuthCallback) =>
        answer(callback, () => signer.channel(socketId, channelName)),
    },
    userAuthentication: {
      customHandler: ({ socketId }: { socketId: string }, callback: AuthCallback) => answer(callback, () => signer.user(socketId)),
    },
  });
}

/** Signs the client in (pusher-js's `signin()`), resolving once the server has accepted it. */
export async function signIn(client: TestClient): Promise<void> {
  client.pusher.signin();
  await client.pusher.user.signinDonePromise;
}

/** Resolves with the first connection state other than "connected". */
export function nextStateAfterConnected(client: TestClient): Promise<string> {
  return new Promise((resolve) =>
    client.pusher.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current !== "connected") resolve(current);
    }),
  );
}

/** Polls until `found` returns something; soketi sends webhooks one by one, in no set order. */
export async function waitFor<T>(found: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
