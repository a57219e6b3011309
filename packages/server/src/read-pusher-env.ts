import { PusherConfigError } from "@x/types";
import { parsePusherUrl } from "./parse-pusher-url.js";
import type { PusherConfig, PusherOptions } from "./pusher-config.js";

/** Environment variables, as `process.env` or a Worker's `env` binding holds them. */
export type PusherEnv = Readonly<Record<string, string | undefined>>;

function processEnv(): PusherEnv {
  // Reached through globalThis: runtime-neutral code may not assume a `process` global.
  return (globalThis as { process?: { env?: PusherEnv } }).process?.env ?? {};
}

// An empty variable (`PUSHER_PORT=` in a .env file) counts as unset.
function readBoolean(env: PusherEnv, name: string): boolean | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new PusherConfigError(name, `${name} must be true or false, got ${JSON.stringify(value)}`);
}

function readPort(env: PusherEnv, name: string): number | undefined {
  const value = env[name];
  if (!value) return undefined;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port < 1 || port > 65_535) {
    throw new PusherConfigError(name, `${name} must be a port number from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

/**
 * Reads a {@link PusherConfig} from environment variables: `PUSHER_URL` when set, else
 * `PUSHER_APP_ID`, `PUSHER_KEY`, `PUSHER_SECRET` (required) and `PUSHER_CLUSTER`,
 * `PUSHER_HOST`, `PUSHER_PORT`, `PUSHER_USE_TLS`, `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`
 * (optional). A missing variable is a `PusherConfigError` that names it; values of secrets are
 * never echoed.
 *
 * @example
 * ```ts
 * readPusherEnv({ PUSHER_URL: "https://key:secret@api-eu.pusher.com/apps/123" });
 * readPusherEnv(); // process.env where there is one
 * ```
 */
export function readPusherEnv(env: PusherEnv = processEnv(), options: PusherOptions = {}): PusherConfig {
  // A variable that is set wins over the option of the same name; an empty one counts as unset.
  const withMasterKey: PusherOptions = {
    ...options,
    encryptionMasterKeyBase64: env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64 || options.encryptionMasterKeyBase64,
  };
  if (env.PUSHER_URL) return parsePusherUrl(env.PUSHER_URL, withMasterKey, "PUSHER_URL");

  const missing = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new PusherConfigError(missing[0] as string, `set PUSHER_URL, or ${missing.join(", ")}`);
  }
  return {
    ...withMasterKey,
    appId: env.PUSHER_APP_ID as string,
    key: env.PUSHER_KEY as string,
    secret: env.PUSHER_SECRET as string,
    cluster: env.PUSHER_CLUSTER || options.cluster,
    host: env.PUSHER_HOST || options.host,
    port: readPort(env, "PUSHER_PORT") ?? options.port,
    useTLS: readBoolean(env, "PUSHER_USE_TLS") ?? options.useTLS,
  };
}
