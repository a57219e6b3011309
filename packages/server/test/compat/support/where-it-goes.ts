import { redactSignedUrl } from "@x/types/internal";
import type Compat from "../../../src/compat/index.js";
import { asOptions } from "./both-sdks.js";
import { refusingAgent } from "./refusing-agent.js";

/**
 * Where a trigger of a `Pusher` made with `options` goes: `scheme://host[:port]/path`, read from
 * the URL of the error it rejects with when its connection is refused (no network involved).
 */
export async function whereItGoes(Pusher: typeof Compat, options: object, make?: (options: object) => Compat): Promise<string> {
  const withAgent = { appId: 1, key: "key", secret: "secret", ...options, agent: refusingAgent("http") };
  const pusher = make === undefined ? new Pusher(asOptions(withAgent)) : make(withAgent);
  try {
    await pusher.trigger("channel", "event", "data");
  } catch (error) {
    return redactSignedUrl((error as { url: string }).url).split("?")[0] as string;
  }
  throw new Error("the trigger went through a refusing agent");
}
