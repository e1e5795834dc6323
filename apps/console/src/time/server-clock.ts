// The server's clock, as seen through the `Date` header of API answers. Waiting times are computed
// from server timestamps, so a client clock that is minutes off would show wrong countdowns.
let offsetMs = 0;

/** Records the server time from an HTTP `Date` header (second precision, so small skews are ignored). */
export function noteServerDate(header: string | null): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  const skew = server + 500 - Date.now();
  offsetMs = Math.abs(skew) > 2_000 ? skew : 0;
}

/** Milliseconds since the epoch on the server's clock. */
export const serverNow = (): number => Date.now() + offsetMs;
