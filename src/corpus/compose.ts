// One generated article, in the form articles arrive (../shared/ARCHITECTURE.md, "Article files"): an optional
// front matter block, then " date YYYY-MM-DD " and the first paragraph on the first line, paragraphs separated by
// blank lines, the outlet named in the text. A lead (with the outlet), then paragraphs of seed sentences, figure
// frames, quotations and indirect speech until the article reaches the length drawn for it.
import { type ArticleDate, datelineDay, drawArticleDate, yearShift } from './dates.ts';
import type { DashStyle } from './feature-names.ts';
import { FIGURE_SENTENCES, LINK_SENTENCES, TITLE_SENTENCES } from './frames.ts';
import { OUTLETS, type Outlet, type OutletStyle } from './outlets.ts';
import { type ArticleContext, renderSentence } from './render-sentence.ts';
import type { Rng } from './rng.ts';
import type { BankSentence, SentenceBank } from './sentence-bank.ts';
import type { SlottedSentence } from './slots.ts';
import { type Gender, inventSpeaker, pronoun, type Speaker, verb } from './speakers.ts';

export interface ComposedArticle {
  text: string;
  date: ArticleDate;
  outlet: Outlet;
  hasFrontMatter: boolean;
}

/** Share of articles with a front matter block (title/source/url/author), so that path of the parser is used. */
const FRONT_MATTER_SHARE = 0.2;
/** Shares of articles signed "Автор: …" first (as seed 001) or with a lone name last (as seed 003). */
const AUTHOR_FIRST_SHARE = 0.05;
const AUTHOR_LAST_SHARE = 0.04;
const MIN_PARAGRAPHS = 3;
const MAX_PARAGRAPHS = 14;
/** No article grows past this many bytes (the brief: a few long ones, up to ~12 KB). */
const MAX_BYTES = 12_500;

type ParagraphKind = 'narrative' | 'figures' | 'quote' | 'indirect' | 'link';
const PARAGRAPH_KINDS: readonly (readonly [ParagraphKind, number])[] = [
  ['narrative', 40],
  ['figures', 25],
  ['quote', 20],
  ['indirect', 10],
  ['link', 5],
];

/**
 * Bytes the article aims at: most 1.5–5 KB (log-uniform, so short wire items are common), one in ten 5–7 KB, one
 * in twenty-five a long read of 7–12 KB.
 */
function drawTargetBytes(rng: Rng): number {
  const r = rng.next();
  if (r < 0.04) return rng.int(7000, 12000);
  if (r < 0.14) return rng.int(5000, 7000);
  return Math.round(Math.exp(Math.log(1500) + rng.next() * (Math.log(5000) - Math.log(1500))));
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** `key` names the article in its synthetic url (the file name, which hashes the text, cannot). */
export function composeArticle(bank: SentenceBank, rng: Rng, key: string): ComposedArticle {
  const date = drawArticleDate(rng);
  const outlet = rng.weighted(OUTLETS.map((o) => [o, o.weight] as const));
  const style = rng.pick(outlet.styles);
  const dashes = rng.pick<DashStyle>(['en', 'hyphen', 'spaced']);
  const speakers = new Map<Gender, Speaker>();
  const introduced = new Set<Gender>();
  const ctx: ArticleContext = {
    rng,
    date,
    shift: yearShift(date),
    dashes,
    speaker: (gender) => {
      let s = speakers.get(gender);
      if (s === undefined) {
        s = inventSpeaker(rng, gender);
        speakers.set(gender, s);
      }
      return s;
    },
  };
  const used = new Set<string>();
  const draw = (list: readonly BankSentence[]): BankSentence => {
    // a sentence at most once per article, when the list allows
    for (let tries = 0; tries < 8; tries++) {
      const s = rng.pick(list);
      if (!used.has(s.origin)) {
        used.add(s.origin);
        return s;
      }
    }
    return rng.pick(list);
  };
  const render = (s: SlottedSentence) => renderSentence(s, ctx);

  const hasFrontMatter = rng.chance(FRONT_MATTER_SHARE);
  // A dateline must open the first paragraph, so an article with one is not signed first.
  const signature = rng.weighted<'first' | 'last' | 'none'>([
    ['first', style.kind === 'dateline' ? 0 : AUTHOR_FIRST_SHARE],
    ['last', AUTHOR_LAST_SHARE],
    ['none', 1 - AUTHOR_FIRST_SHARE - AUTHOR_LAST_SHARE],
  ]);
  const author =
    signature !== 'none' || (hasFrontMatter && rng.chance(0.5))
      ? inventSpeaker(rng, rng.pick<Gender>(['m', 'f'])).full.nom
      : null;

  const paragraphs: string[] = [];
  if (signature === 'first') paragraphs.push(`Автор: ${author}`);
  paragraphs.push(lead(style, ctx, bank, draw));
  if (style.kind === 'interview' || style.kind === 'told') {
    const gender = rng.pick<Gender>(['m', 'f']);
    const s = ctx.speaker(gender);
    introduced.add(gender);
    const said = verb(rng.pick(['сказал', 'рассказал']), gender);
    paragraphs.push(
      style.kind === 'interview'
        ? `Об этом в беседе с ${style.name} ${said} ${s.role} ${s.full.nom}.`
        : `Об этом ${said} ${style.name} ${s.role} ${s.full.nom}.`,
    );
  }

  const target = drawTargetBytes(rng);
  // 14 paragraphs of one or two sentences stop near 9 KB: a long read has fuller paragraphs.
  const fewest = target > 9000 ? 3 : target > 7000 ? 2 : 1;
  let size = paragraphs.reduce((sum, p) => sum + bytes(p) + 2, 0);
  while (paragraphs.length < MAX_PARAGRAPHS && (size < target || paragraphs.length < MIN_PARAGRAPHS)) {
    const kind = rng.weighted(PARAGRAPH_KINDS);
    const paragraph = bodyParagraph(kind, fewest, ctx, bank, draw, render, introduced);
    if (paragraphs.length >= MIN_PARAGRAPHS && size + bytes(paragraph) > MAX_BYTES) break;
    paragraphs.push(paragraph);
    size += bytes(paragraph) + 2;
  }
  if (signature === 'last' && author !== null) paragraphs.push(author);

  const front = hasFrontMatter ? frontMatter(ctx, outlet, key, author) : '';
  return { text: `${front} date ${date.iso} ${paragraphs.join('\n\n')}\n`, date, outlet, hasFrontMatter };
}

/** The first paragraph: one or two sentences, the outlet named as `style` says. */
function lead(
  style: OutletStyle,
  ctx: ArticleContext,
  bank: SentenceBank,
  draw: (list: readonly BankSentence[]) => BankSentence,
): string {
  const { rng } = ctx;
  const first = rng.chance(0.5)
    ? renderSentence(rng.pick(FIGURE_SENTENCES), ctx)
    : renderSentence(draw(bank.withNames), ctx);
  const sentences = [first];
  if (rng.chance(0.3)) sentences.push(renderSentence(draw(bank.all), ctx));
  switch (style.kind) {
    case 'suffix': {
      const last = sentences.pop() ?? '';
      sentences.push(`${last.replace(/\.$/, '')}, ${style.verb} ${style.name}.`);
      return sentences.join(' ');
    }
    case 'dateline': {
      const day = style.withDate ? `, ${datelineDay(ctx.date)}` : '';
      return `${style.place}${day} /${style.name}/ ${rng.pick(['-', '–'])} ${sentences.join(' ')}`;
    }
    case 'interview':
    case 'told':
      return sentences.join(' ');
  }
}

/** `fewest`: the fewest sentences a narrative paragraph or a quotation has (at most three). */
function bodyParagraph(
  kind: ParagraphKind,
  fewest: number,
  ctx: ArticleContext,
  bank: SentenceBank,
  draw: (list: readonly BankSentence[]) => BankSentence,
  render: (s: SlottedSentence) => string,
  introduced: Set<Gender>,
): string {
  const { rng } = ctx;
  switch (kind) {
    case 'narrative': {
      const n = rng.int(fewest, 3);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(render(draw(rng.chance(0.65) ? bank.withNames : bank.context)));
      return out.join(' ');
    }
    case 'figures': {
      const out = [render(rng.pick(FIGURE_SENTENCES))];
      if (rng.chance(0.4)) out.push(render(rng.pick(FIGURE_SENTENCES)));
      if (rng.chance(0.3)) out.push(render(draw(bank.withNames)));
      return out.join(' ');
    }
    case 'link': {
      const out = [render(rng.pick(LINK_SENTENCES))];
      if (rng.chance(0.5)) out.push(render(draw(bank.withNames)));
      return out.join(' ');
    }
    case 'quote':
      return quotation(fewest, ctx, bank, draw, render, introduced);
    case 'indirect': {
      const gender = rng.pick<Gender>(['m', 'f']);
      const s = ctx.speaker(gender);
      const said = render(draw(bank.lowerable));
      const body = said.charAt(0).toLowerCase() + said.slice(1);
      const first = !introduced.has(gender);
      introduced.add(gender);
      const who = first ? `${s.role} ${s.full.nom}` : s.surname.nom;
      return rng.pick([
        `По словам ${first ? `${s.roleGen} ${s.full.gen}` : s.surname.gen}, ${body}`,
        `Как ${verb('отметил', gender)} ${who}, ${body}`,
        `${capitalizeFirst(who)} ${rng.pick([verb('отметил', gender), verb('подчеркнул', gender), 'считает'])}, что ${body}`,
      ]);
    }
  }
}

const capitalizeFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Invented speech: one to three seed sentences fit for speech, quoted in one of the seeds' forms — «…», — сказал
 * эксперт X; X отметил: «…»; "…", - сказала она; "…". X — with the speaker's full name and role on first mention.
 */
function quotation(
  fewest: number,
  ctx: ArticleContext,
  bank: SentenceBank,
  draw: (list: readonly BankSentence[]) => BankSentence,
  render: (s: SlottedSentence) => string,
  introduced: Set<Gender>,
): string {
  const { rng } = ctx;
  const gender = rng.pick<Gender>(['m', 'f']);
  const s = ctx.speaker(gender);
  const n = rng.int(fewest, 3);
  const said: string[] = [];
  for (let i = 0; i < n; i++) said.push(render(draw(bank.speech)));
  const body = said.join(' ').replace(/\.$/, '');
  const first = !introduced.has(gender);
  introduced.add(gender);
  const v = verb(rng.pick(['сказал', 'отметил', 'подчеркнул', 'добавил', 'заявил']), gender);
  const who = first ? `${s.role} ${s.full.nom}` : rng.pick([pronoun(gender), s.surname.nom, s.role]);
  switch (rng.int(0, 3)) {
    case 0:
      return `«${body}», — ${v} ${who}.`;
    case 1:
      return `"${body}", - ${v} ${who}.`;
    case 2:
      return `${capitalizeFirst(first ? who : s.full.nom)} ${v}: «${body}».`;
    default:
      return `"${body}". ${s.full.nom}`;
  }
}

function frontMatter(ctx: ArticleContext, outlet: Outlet, key: string, author: string | null): string {
  const { rng } = ctx;
  const title = renderSentence(rng.pick(TITLE_SENTENCES), ctx);
  const lines = ['---', rng.chance(0.5) ? `title: "${title}"` : `title: ${title}`];
  if (rng.chance(0.7)) lines.push(`source: ${outlet.source}`);
  // .invalid is reserved (RFC 2606): a synthetic article must not link to a real page
  if (rng.chance(0.6)) lines.push(`url: https://corpus.invalid/${outlet.slug}/${key}`);
  if (author !== null) lines.push(`author: ${author}`);
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
