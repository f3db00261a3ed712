// Intl formatters and collators made once per locale and options, not per call: in V8 constructing one costs some
// seventy times what formatting with it does, and the overview formats some forty dates and figures as the page
// first draws.

const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
const collators = new Map<string, Intl.Collator>();

function cached<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dates, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numbers, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** `a.localeCompare(b, locale)` sets a collator up on every call; this one is made once. */
export function collator(locale: string, options: Intl.CollatorOptions = {}): Intl.Collator {
  return cached(collators, locale, options, () => new Intl.Collator(locale, options));
}
