/**
 * A network failure as `fetch` reports it, `TypeError("fetch failed")` with the system error as
 * `cause`, so that ky recognises (and may retry) it. `responseStatus` is set when the failure
 * cut an answer whose status had arrived: the error the caller gets then says so.
 *
 * @example
 * ```ts
 * reject(networkFailure(socketError));        // before any answer
 * reject(networkFailure(socketError, 200));   // while reading a 200's body
 * ```
 */
export function networkFailure(cause: unknown, responseStatus?: number): TypeError & { responseStatus?: number } {
  const failure: TypeError & { responseStatus?: number } = new TypeError("fetch failed", { cause });
  if (responseStatus !== undefined) failure.responseStatus = responseStatus;
  return failure;
}
