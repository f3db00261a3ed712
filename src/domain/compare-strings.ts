// Code-unit order: the same on every machine and locale, unlike localeCompare. The join orders articles by id in
// it, and the app keeps that order when data arrives in pieces, so both sides must use this one comparison.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
