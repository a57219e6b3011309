// The official README's own form, `import * as Pusher from "pusher"`, with only the import changed:
// it compiles where it compiles against `pusher` (CommonJS without esModuleInterop); elsewhere
// docs/migrating-from-pusher.md says what to write instead.
import * as Pusher from "@x/server/compat";

const pusher = new Pusher({ appId: "123", key: "key", secret: "secret", cluster: "eu" });
export const user: Pusher.UserAuthResponse = pusher.authenticateUser("1.1", { id: "42" });
export const webhook: Pusher.WebHook = pusher.webhook({ headers: {}, rawBody: "{}" });
export const fromUrl: Pusher = Pusher.forURL("https://key:secret@api-eu.pusher.com/apps/123");

// @ts-expect-error: appId is required
void new Pusher({ key: "key", secret: "secret", cluster: "eu" });
