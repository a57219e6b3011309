// A TypeScript user of @x/rest. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { createPublisher, createRestClient, isPusherHttpError, type RestClient, type TriggerResult } from "@x/rest";

export const client: RestClient = createRestClient({ appId: "1", key: "key", secret: "secret", cluster: "eu", timeout: 5_000 });

export async function publish(): Promise<number | undefined> {
  try {
    const result: TriggerResult = await client.trigger(["a", "b"], "event", { text: "hello" }, { info: ["subscription_count"] });
    const publisher = createPublisher(client, { maxDelayMs: 5 });
    await publisher.publish({ channel: "a", name: "event", data: "x" });
    await publisher.close();
    return Object.keys(result.channels).length;
  } catch (error) {
    if (isPusherHttpError(error)) return error.status;
    throw error;
  }
}

// @ts-expect-error: the app id is a string
createRestClient({ appId: 1, key: "key", secret: "secret" });
