/**
 * The media type of a request's `Content-Type`, lower-cased (media types are case-insensitive)
 * and without parameters such as `; charset=UTF-8`; `""` when the request has none.
 *
 * @example
 * ```ts
 * mediaTypeOf(request) === "application/json"; // also for "Application/JSON; charset=utf-8"
 * ```
 */
export function mediaTypeOf(request: { readonly headers: Headers }): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
