// Numbers as the region's Russian-language press writes them ("3,5 млн тонн", "1,2 млрд долларов", "56 тыс. TEU",
// "на 12%", "в три раза"), drawn from ranges that fit each kind of figure, or scaled from a seed's value. Every
// magnitude is written with an abbreviation (млн, млрд, тыс.): the noun after it is then always in the genitive
// plural, so a scaled number never needs the noun re-declined ("до 1 миллиарда долларов" → "до 1,4 млрд долларов").
import type { Rng } from './rng.ts';
import type { QuantityKind } from './slots.ts';

/** A decimal comma and at most one decimal, none from 10 up: "3,5", "12", "547". */
export function formatNumber(x: number): string {
  if (x >= 10) return String(Math.round(x));
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : String(rounded).replace('.', ',');
}

/** 620e6 → "620 млн", 1.2e9 → "1,2 млрд", 45e3 → "45 тыс.". */
export function formatMagnitude(value: number): string {
  if (value >= 1e9) return `${formatNumber(value / 1e9)} млрд`;
  if (value >= 1e6) return `${formatNumber(value / 1e6)} млн`;
  return `${formatNumber(value / 1e3)} тыс.`;
}

/** 164 300: to the hundred, thousands grouped with a no-break space as the press does. */
export function formatGrouped(x: number): string {
  return String(Math.round(x / 100) * 100).replace(/\B(?=(\d{3})+$)/g, '\u00A0');
}

/** A factor between 1/spread and spread, uniform on a log scale (so halving is as likely as doubling). */
export function scaleFactor(rng: Rng, spread = 2): number {
  return Math.exp((rng.next() * 2 - 1) * Math.log(spread));
}

/** Uniform on a log scale between min and max: figures span orders of magnitude. */
function logUniform(rng: Rng, min: number, max: number): number {
  return Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
}

const TIMES_WORDS: Record<number, string> = {
  2: 'два',
  3: 'три',
  4: 'четыре',
  5: 'пять',
  6: 'шесть',
  7: 'семь',
  8: 'восемь',
  9: 'девять',
};

/** "в 3 раза", "в пять раз": раза after 2–4, раз from 5. */
export function formatTimes(rng: Rng, n: number): string {
  const word = n >= 2 && n <= 4 ? 'раза' : 'раз';
  const number = rng.chance(0.5) ? (TIMES_WORDS[n] ?? String(n)) : String(n);
  return `в ${number} ${word}`;
}

/** A count ending in 0, so the noun after it is in the genitive plural whatever precedes it ("около 250 структур"). */
export function roundCount(x: number): number {
  return Math.max(20, Math.round(x / 10) * 10);
}

const CURRENCIES: readonly (readonly [string, number])[] = [
  ['долларов', 55],
  ['долларов США', 10],
  ['тенге', 15],
  ['евро', 10],
  ['манатов', 10],
];

/** A quantity a frame asks for, with its unit. */
export function drawQuantity(rng: Rng, kind: QuantityKind): string {
  switch (kind) {
    case 'money': {
      const currency = rng.weighted(CURRENCIES);
      // a tenge is about 1/450 of a dollar (hence "млрд тенге" where dollars are "млн")
      const value = currency === 'тенге' ? logUniform(rng, 2e9, 4e11) : logUniform(rng, 5e6, 3e9);
      return `${formatMagnitude(value)} ${currency}`;
    }
    case 'tonnes':
      return `${formatMagnitude(logUniform(rng, 2e5, 3e7))} тонн`;
    case 'teu': {
      // both forms are common; the pipeline's sentence splitter cuts "56 тыс. TEU" after "тыс." (a capital follows)
      const teu = logUniform(rng, 5e3, 9e5);
      return rng.chance(0.5) ? `${formatMagnitude(teu)} TEU` : `${formatGrouped(teu)} TEU`;
    }
    case 'km':
      return `${rng.int(5, 150) * 10} км`;
    case 'gw':
      return `${formatNumber(rng.int(2, 10) / 2)} ГВт`;
    case 'pct':
      return `${rng.int(3, 60)}%`;
    case 'times':
      return formatTimes(rng, rng.int(2, 9));
    case 'count':
      return String(roundCount(logUniform(rng, 20, 900)));
    case 'days':
      return String(rng.int(11, 19));
  }
}
