import { tmpdir } from "node:os";
import { join } from "node:path";

/** A webhook soketi sends for the default app (PROTOCOL §8): where, and for which events. */
export interface SoketiWebhook {
  /** The receiver, e.g. `"http://127.0.0.1:5000/webhooks"`. */
  url: string;
  /** Event names, e.g. `["channel_occupied", "member_added"]`. */
  event_types: string[];
}

/** What one soketi instance is told through its environment. */
export interface SoketiSettings {
  port: number;
  metricsPort: number;
  clusterPort: number;
  appId: string;
  key: string;
  secret: string;
  webhooks: SoketiWebhook[];
  /** Extra `SOKETI_*` variables; they may override the defaults, not the settings above. */
  extraEnv: Record<string, string>;
}

// Defaults a caller may override through `extraEnv` (PROTOCOL §8).
const OVERRIDABLE_DEFAULTS: Record<string, string> = {
  SOKETI_SHUTDOWN_GRACE_PERIOD: "0",
  SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES: "true",
  SOKETI_DEFAULT_APP_USER_AUTHENTICATION: "true",
};

/**
 * The complete environment of a soketi process. soketi reads its configuration only from
 * `SOKETI_*` variables (PROTOCOL §8), JSON-parsing each value. Nothing is inherited from this
 * process: a stray `SOKETI_*` or `HTTP_PROXY` variable (soketi posts webhooks with axios, which
 * honours proxies) would otherwise change how the server behaves.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [serverJs, "start"], { env: soketiEnvironment(settings) });
 * ```
 */
export function soketiEnvironment(settings: SoketiSettings): Record<string, string> {
  const controlled: Record<string, string> = {
    SOKETI_HOST: "127.0.0.1",
    SOKETI_PORT: String(settings.port),
    // The metrics server listens on its own port (0.0.0.0:9601 by default): keep it apart too.
    SOKETI_METRICS_HOST: "127.0.0.1",
    SOKETI_METRICS_SERVER_PORT: String(settings.metricsPort),
    // soketi always starts UDP node discovery, which broadcasts to 255.255.255.255 by default.
    // Sending its hello packets to its own loopback port keeps that traffic on this machine.
    SOKETI_CLUSTER_PORT: String(settings.clusterPort),
    SOKETI_CLUSTER_UNICAST_ADDRESSES: `127.0.0.1:${settings.clusterPort}`,
    SOKETI_DEFAULT_APP_ID: settings.appId,
    SOKETI_DEFAULT_APP_KEY: settings.key,
    SOKETI_DEFAULT_APP_SECRET: settings.secret,
    SOKETI_DEFAULT_APP_WEBHOOKS: JSON.stringify(settings.webhooks),
  };
  for (const name of Object.keys(settings.extraEnv)) {
    if (!name.startsWith("SOKETI_")) throw new Error(`env may only hold SOKETI_* variables, got ${name}`);
    if (name in controlled) throw new Error(`env may not set ${name}: startLocalServer sets it`);
  }
  return {
    ...OVERRIDABLE_DEFAULTS,
    ...settings.extraEnv,
    ...controlled,
    // pm2, which soketi loads, writes its state under $HOME/.pm2; keep it out of the home folder.
    PM2_HOME: join(tmpdir(), "x-local-server-pm2"),
    // Keeps the AWS SDK's end-of-support notice out of the output shown when a start fails.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
  };
}
