// Formatting helpers of the report.

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A whole number with thousands separators ("12,345"); "—" for a value that is not a number. */
export function whole(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "—" : Math.round(value).toLocaleString("en-US");
}

/** `value ÷ to` as "1.23×"; "—" when either is missing. */
export function ratio(value: number | undefined, to: number | undefined): string {
  return value === undefined || to === undefined || to === 0 || !Number.isFinite(value / to) ? "—" : `${(value / to).toFixed(2)}×`;
}

/** A ratio as "1.23×"; "—" when it is not a number. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "—";
}

/** Bytes as megabytes (1 MB = 1,048,576 bytes), one decimal. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** A signed change in megabytes: "+0.4 MB", "-1.2 MB". */
export function megabytesChange(bytes: number): string {
  return `${bytes >= 0 ? "+" : "−"}${megabytes(Math.abs(bytes))}`;
}

/** Milliseconds with one decimal below 10, whole above. */
export function milliseconds(ms: number): string {
  return Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms` : "—";
}

/** A signed whole number: "+12", "−3". */
export function signed(value: number): string {
  return `${value >= 0 ? "+" : "−"}${whole(Math.abs(value))}`;
}

/** "1 round", "3 rounds". */
export function plural(count: number, noun: string): string {
  return `${whole(count)} ${noun}${count === 1 ? "" : "s"}`;
}
