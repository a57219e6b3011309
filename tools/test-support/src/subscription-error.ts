/**
 * A channel subscription was refused: by the server (`status` 401 for a bad auth signature,
 * docs/protocol.md §5) or by the client's own authorization step. `status` is the one pusher-js reports,
 * when it reports one.
 *
 * @example
 * ```ts
 * await expect(client.subscribe("private-x")).rejects.toMatchObject({ status: 401 });
 * ```
 */
export class SubscriptionError extends Error {
  override readonly name = "SubscriptionError";
  readonly channelName: string;
  readonly status: number | undefined;

  constructor(channelName: string, status: number | undefined, reason: string) {
    super(`subscription to ${channelName} failed (status ${status ?? "none"}): ${reason}`);
    this.channelName = channelName;
    this.status = status;
  }
}
