/**
 * The presence channel everyone joins to chat: its members are the people online.
 *
 * @example
 * ```ts
 * await pusher.trigger(CHAT_CHANNEL, "message", { text: "hi" });
 * ```
 */
export const CHAT_CHANNEL = "presence-demo-chat";

/**
 * The public channel on which the server forwards each webhook it receives to the page.
 *
 * @example
 * ```ts
 * await pusher.trigger(WEBHOOK_CHANNEL, "webhook", loggedWebhook);
 * ```
 */
export const WEBHOOK_CHANNEL = "demo-webhooks";
