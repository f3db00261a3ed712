// "Now" for the interface: the as-of date when the reader set one, otherwise today's date. Only the browser calls
// this; tests always pass a date, so nothing they check depends on the clock.
export function effectiveDate(asOf: string | null): string {
  return asOf ?? new Date().toISOString().slice(0, 10);
}
