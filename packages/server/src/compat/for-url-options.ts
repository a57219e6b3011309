import { PusherConfigError } from "@x/types";
import type { GivenOptions } from "./compat-config.js";

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw new PusherConfigError("url", "the URL has a malformed percent-escape in its key or secret");
  }
}

/**
 * The options a connection URL `SCHEME://KEY:SECRET@HOST[:PORT]/apps/APP_ID` gives, read as the
 * official `Pusher.forURL` reads it: the scheme, host and port, the key and secret, and the app
 * id from the last segment of the path, as a number when it starts with digits (as there). An
 * app id that does not (`app-id`, as self-hosted servers name them) is kept as it is, where the
 * official package makes it `NaN`. Errors never echo the URL, which holds the secret.
 *
 * @example
 * ```ts
 * forUrlOptions("https://key:secret@api-eu.pusher.com/apps/123");
 * // { scheme: "https", host: "api-eu.pusher.com", port: undefined, appId: 123, key: "key", secret: "secret" }
 * ```
 */
export function forUrlOptions(pusherUrl: string): GivenOptions {
  let url: URL;
  try {
    url = new URL(pusherUrl);
  } catch {
    throw new PusherConfigError("url", "the URL is not valid; expected https://KEY:SECRET@HOST/apps/APP_ID");
  }
  if (url.username === "" && url.password === "") {
    throw new PusherConfigError("url", "the URL must carry the credentials as KEY:SECRET@HOST");
  }
  const segments = url.pathname.split("/");
  const lastSegment = segments[segments.length - 1] as string;
  const numericAppId = parseInt(lastSegment, 10);
  return {
    scheme: url.protocol.replace(/:$/, ""),
    host: url.hostname,
    port: parseInt(url.port, 10) || undefined,
    appId: Number.isNaN(numericAppId) ? decode(lastSegment) : numericAppId,
    key: decode(url.username),
    secret: url.password === "" ? undefined : decode(url.password),
  };
}
