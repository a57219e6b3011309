import { PusherConfigError } from "@x/types";
import type { PusherConfig, PusherOptions } from "./pusher-config.js";

const APP_PATH = /^\/apps\/([^/]+)\/?$/;

/**
 * Reads a connection URL of the form `http(s)://KEY:SECRET@HOST[:PORT]/apps/APP_ID` (the
 * conventional `PUSHER_URL`, PROTOCOL §1) into a {@link PusherConfig}. The scheme sets `useTLS`.
 * Errors name the option `url` and never echo the URL, which holds the secret.
 *
 * @example
 * ```ts
 * parsePusherUrl("https://key:secret@api-eu.pusher.com/apps/123");
 * // { appId: "123", key: "key", secret: "secret", host: "api-eu.pusher.com", useTLS: true }
 * ```
 */
export function parsePusherUrl(url: string, options: PusherOptions = {}, option = "url"): PusherConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PusherConfigError(option, `${option} is not a URL; expected https://KEY:SECRET@HOST/apps/APP_ID`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new PusherConfigError(option, `${option} must use http or https, got ${parsed.protocol}`);
  }
  const appId = APP_PATH.exec(parsed.pathname)?.[1];
  if (appId === undefined) {
    throw new PusherConfigError(option, `${option} must have the path /apps/APP_ID`);
  }
  if (parsed.username === "" || parsed.password === "") {
    throw new PusherConfigError(option, `${option} must carry the credentials as KEY:SECRET@HOST`);
  }
  try {
    return {
      ...options,
      appId: decodeURIComponent(appId),
      key: decodeURIComponent(parsed.username),
      secret: decodeURIComponent(parsed.password),
      host: parsed.hostname,
      port: parsed.port === "" ? options.port : Number(parsed.port),
      useTLS: parsed.protocol === "https:",
    };
  } catch {
    // A stray `%` makes decodeURIComponent throw a URIError that names no option.
    throw new PusherConfigError(option, `${option} has a malformed percent-escape in its app id, key or secret`);
  }
}
