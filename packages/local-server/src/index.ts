export type { TestClient } from "./connect-client.ts";
export { connectClient } from "./connect-client.ts";
export { freePort } from "./free-port.ts";
export type { SoketiWebhook } from "./soketi-environment.ts";
export type { LocalServer, LocalServerOptions } from "./start-local-server.ts";
export { startLocalServer } from "./start-local-server.ts";
export { SubscriptionError } from "./subscription-error.ts";
