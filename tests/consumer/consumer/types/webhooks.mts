// A TypeScript user of @x/webhooks. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { createWebhookHandler, isKnownWebhookEvent, verifyWebhook, type WebhookEvent } from "@x/webhooks";

const credentials = { key: "key", secret: "secret" };
const verdict = verifyWebhook(credentials, { body: "{}", signature: null, key: "key" }, { maxAgeMs: 600_000 });
export const events: readonly WebhookEvent[] = verdict.isValid ? verdict.events : [];
export const problems: string[] = verdict.validationErrors.map(({ code, message }) => `${code}: ${message}`);
for (const event of events) {
  if (isKnownWebhookEvent(event) && event.name === "member_added") {
    const userId: string = event.user_id;
    void userId;
  }
}
export const handler: (request: Request) => Promise<Response> = createWebhookHandler({
  credentials,
  onEvents: async (received) => {
    await Promise.resolve(received.length);
  },
});

// @ts-expect-error: the credentials need a secret
verifyWebhook({ key: "key" }, { body: "{}", signature: null });
