import { PusherPartialDeliveryError } from "@x/types";

/**
 * Sends the requests of a split call one after the other, in order, and resolves with their
 * response bodies. `chunks[i]` lists what request `i` carries (channel names, or event indices).
 * When a request fails after others were split off, the caller gets a
 * `PusherPartialDeliveryError`: `delivered` is everything the earlier requests carried,
 * `undelivered` the failed request's items and all the later ones (never sent), `cause` the
 * failure. An unsplit call fails with its request's own error.
 *
 * @example
 * ```ts
 * const bodies = await sendInOrder(chunk(channels, 100), (index) => send(requests[index]));
 * ```
 */
export async function sendInOrder<TItem>(
  chunks: readonly (readonly TItem[])[],
  sendChunk: (index: number) => Promise<unknown>,
): Promise<unknown[]> {
  // The common case, one request: its own outcome, without the bookkeeping of a split call.
  if (chunks.length === 1) return [await sendChunk(0)];
  const bodies: unknown[] = [];
  for (let index = 0; index < chunks.length; index++) {
    try {
      bodies.push(await sendChunk(index));
    } catch (error) {
      throw new PusherPartialDeliveryError(chunks.slice(0, index).flat(), chunks.slice(index).flat(), { cause: error });
    }
  }
  return bodies;
}
