import { PusherConfigError } from "@x/types";
import type { PusherConfig, PusherOptions } from "./pusher-config.js";

const APP_PATH = /^\/apps\/([^/]+)\/?$/;

/**
 * Reads a connection URL of the form `http(s)://KEY:SECRET@HOST[:PORT]/apps/APP_ID` (the
 * conventional `PUSHER_URL`, docs/protocol.md §1) into a {@link PusherConfig}. The scheme sets `useTLS`.
 * Errors name the option `url` and never echo the URL, which holds the secret.
 *
 * @example
 * ```ts
 * parsePusherUrl("https://key:secret@api-eu.pusher.com/apps/123");
 * // { appId: "123", key: "key", secret: "secret", host: "api-eu.pusher.com", useTLS: true }
 * ```
 */
export function parsePusherUrl(url: string, options: PusherOptions = {}, option = "url"): PusherConfig {
  // One message for every way a URL can be wrong: it shows the form, never the URL (which holds
  // the secret).
  const malformed = (): never => {
    throw new PusherConfigError(option, `${option} must look like https://KEY:SECRET@HOST[:PORT]/apps/APP_ID`);
  };
  try {
    const parsed = new URL(url);
    const appId = APP_PATH.exec(parsed.pathname)?.[1];
    const tls = parsed.protocol === "https:";
    if ((!tls && parsed.protocol !== "http:") || appId === undefined || parsed.username === "" || parsed.password === "") malformed();
    return {
      ...options,
      appId: decodeURIComponent(appId as string),
      key: decodeURIComponent(parsed.username),
      secret: decodeURIComponent(parsed.password),
      host: parsed.hostname,
      port: parsed.port === "" ? options.port : Number(parsed.port),
      useTLS: tls,
    };
  } catch {
    // Not a URL at all, or a stray `%` (a URIError that names no option).
    return malformed();
  }
}
