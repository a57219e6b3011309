import { PusherConfigError } from "@x/types";
import type { EventSchemas } from "@x/types";
import type { PusherConfig, PusherOptions } from "./pusher.js";

/**
 * Environment variables, as `process.env` or a Worker's `env` binding holds them.
 *
 * @example
 * ```ts
 * const env: PusherEnv = { PUSHER_URL: "https://key:secret@api-eu.pusher.com/apps/123" };
 * ```
 */
export type PusherEnv = Readonly<Record<string, string | undefined>>;

// A path before /apps/ is the basePath of a server behind a reverse proxy.
const APP_PATH = /^(\/.*)?\/apps\/([^/]+)\/?$/;
// TLS stays on unless the variable turns it off: a typo must not send signed requests in the clear.
const TLS_OFF = /^(false|0|no)$/i;

/**
 * Reads a connection URL `http(s)://KEY:SECRET@HOST[:PORT][/BASE_PATH]/apps/APP_ID` (docs/protocol.md §1)
 * into a config; the scheme sets `useTLS`, a path before `/apps/` the `basePath`. Errors name `option` and never echo the URL, which
 * holds the secret.
 */
export function parsePusherUrl<Schemas extends EventSchemas | undefined>(
  url: string,
  options: PusherOptions<Schemas> = {},
  option = "url",
): PusherConfig<Schemas> {
  const parsed = URL.parse(url) ?? badUrl(option, "url");
  const [, basePath, appId] = APP_PATH.exec(parsed.pathname) ?? [];
  const tls = parsed.protocol === "https:";
  if (!tls && parsed.protocol !== "http:") badUrl(option, "scheme");
  if (parsed.username === "") badUrl(option, "credentials");
  if (parsed.password === "") badUrl(option, "secret");
  if (appId === undefined) badUrl(option, "path");
  try {
    return {
      ...options,
      appId: decodeURIComponent(appId),
      key: decodeURIComponent(parsed.username),
      secret: decodeURIComponent(parsed.password),
      host: parsed.hostname,
      port: parsed.port === "" ? options.port : Number(parsed.port),
      useTLS: tls,
      basePath: basePath ?? options.basePath,
    };
  } catch {
    // A stray `%` (a URIError that names no option).
    return badUrl(option, "escape");
  }
}

const URL_MISTAKES = {
  url: "is not a URL",
  scheme: "must start with https:// or http://",
  credentials: "has no key and secret",
  secret: "has no secret",
  path: "has no /apps/APP_ID path",
  escape: "has a malformed %-escape",
};

/**
 * Throws the `PusherConfigError` of a connection URL's wrong `part`, in the words `Pusher.fromUrl` and the compat
 * `Pusher.forURL` share; never quotes the URL, which holds the secret.
 */
export function badUrl(option: string, part: keyof typeof URL_MISTAKES): never {
  throw new PusherConfigError(option, `${option} ${URL_MISTAKES[part]}: expected https://KEY:SECRET@HOST[:PORT]/apps/APP_ID`);
}

/**
 * Reads a config from environment variables (see `Pusher.fromEnv`); a variable that is set wins
 * over the option of the same name, an empty one counts as unset. A missing variable is a
 * `PusherConfigError` that names it.
 */
export function readPusherEnv<Schemas extends EventSchemas | undefined>(
  env: PusherEnv = processEnv(),
  options: PusherOptions<Schemas> = {},
): PusherConfig<Schemas> {
  const withMasterKey: PusherOptions<Schemas> = {
    ...options,
    encryptionMasterKeyBase64: env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64 || options.encryptionMasterKeyBase64,
  };
  if (env.PUSHER_URL) return parsePusherUrl(env.PUSHER_URL, withMasterKey, "PUSHER_URL");
  const missing = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"].filter((name) => !env[name]);
  if (missing.length > 0) throw new PusherConfigError(missing[0] as string, `set PUSHER_URL, or ${missing.join(", ")}`);
  return {
    ...withMasterKey,
    appId: env.PUSHER_APP_ID as string,
    key: env.PUSHER_KEY as string,
    secret: env.PUSHER_SECRET as string,
    cluster: env.PUSHER_CLUSTER || options.cluster,
    host: env.PUSHER_HOST || options.host,
    // A bad port is refused by the client's own check of `port`.
    port: env.PUSHER_PORT ? Number(env.PUSHER_PORT) : options.port,
    useTLS: env.PUSHER_USE_TLS ? !TLS_OFF.test(env.PUSHER_USE_TLS) : options.useTLS,
  };
}

function processEnv(): PusherEnv {
  // Through globalThis: runtime-neutral code may not assume a `process` global.
  return (globalThis as { process?: { env?: PusherEnv } }).process?.env ?? {};
}
