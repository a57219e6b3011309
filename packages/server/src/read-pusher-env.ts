import { PusherConfigError } from "@x/types";
import { parsePusherUrl } from "./parse-pusher-url.js";
import type { PusherConfig, PusherOptions } from "./pusher-config.js";

/** Environment variables, as `process.env` or a Worker's `env` binding holds them. */
export type PusherEnv = Readonly<Record<string, string | undefined>>;

function processEnv(): PusherEnv {
  // Reached through globalThis: runtime-neutral code may not assume a `process` global.
  return (globalThis as { process?: { env?: PusherEnv } }).process?.env ?? {};
}

// TLS stays on unless the variable says it off: a typo must not send the secret's signatures
// in the clear.
const TLS_OFF = /^(false|0|no)$/i;

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
    // A bad port is refused by the client's own check of `port`.
    port: env.PUSHER_PORT ? Number(env.PUSHER_PORT) : options.port,
    useTLS: env.PUSHER_USE_TLS ? !TLS_OFF.test(env.PUSHER_USE_TLS) : options.useTLS,
  };
}
