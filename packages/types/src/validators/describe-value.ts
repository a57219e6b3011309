/**
 * A short, printable rendering of a rejected argument for error messages. Only ever applied to
 * names and ids, never to secrets. Long values are cut so an error cannot carry a whole payload.
 */
export function describeValue(value: unknown): string {
  if (typeof value !== "string") return value === null ? "null" : typeof value;
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return value.length > 60 ? `${shown} (${value.length} characters)` : shown;
}
