/**
 * Tells whether a `Content-Type` header is JSON, the only type Pusher sends (PROTOCOL §7).
 * Parameters such as `; charset=utf-8` are allowed; the media type is case-insensitive.
 */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const semicolon = contentType.indexOf(";");
  const mediaType = semicolon === -1 ? contentType : contentType.slice(0, semicolon);
  return mediaType.trim().toLowerCase() === "application/json";
}
