// The embed loader: the one small script a news page includes next to `<div data-corridors="…">` (README,
// "Embed"). It reserves each embed's height before anything loads, shows a static placeholder, creates the
// iframe only near the viewport, keeps at most MAX_GL frames holding a WebGL map at once (the nearest win; the
// rest fall back to their placeholders), resizes frames to their content and turns their messages into DOM
// events. No imports: it is built on its own into dist/embed-loader.js (src/embed/build-plugin.ts) as an IIFE and
// must stay under 5 KB gzip (tests/unit/embed-loader-size.test.ts).

interface Embed {
  div: HTMLElement;
  /** the state and flags the frame opens with; kept up to date by its events, so a re-created frame resumes */
  query: URLSearchParams;
  /** px: the map and its bar, without the panel */
  base: number;
  gl: boolean;
  frame: HTMLIFrameElement | null;
  ready: boolean;
  panel: boolean;
  /** within LOAD_MARGIN of the viewport (may load), within KEEP_MARGIN (may stay loaded) */
  near: boolean;
  keep: boolean;
  /** the map's name in the embed's language: the placeholder's alt text, the frame's default title */
  alt: string;
  /** commands that arrived before the frame could take them */
  pending: Record<string, unknown> | null;
}

interface LoaderApi {
  scan(): void;
  /** how many frames exist, and how many of them hold a WebGL map */
  live(): { frames: number; gl: number };
}

/** Chromium keeps about 16 live WebGL contexts per page and drops the oldest beyond that (tech-notes.md). */
const MAX_GL = 8;
const LOAD_MARGIN = '400px';
const KEEP_MARGIN = '1200px';
const MIN_H = 120;
const MAX_H = 4000;
const DEFAULT_H = 480;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PREFIX = 'corridors:';

const g = window as unknown as { CorridorsEmbed?: LoaderApi };

function start(): LoaderApi {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="embed-loader"]');
  // The map lives next to this script: its pages, its placeholders and the only origin whose messages count.
  const base = new URL('.', script?.src ?? location.href);
  const origin = base.origin;
  const embeds: Embed[] = [];

  const fire = (e: Embed, name: string, detail: unknown) =>
    e.div.dispatchEvent(new CustomEvent(PREFIX + name, { detail, bubbles: true }));

  const setState = (e: Embed, state: string) => {
    e.div.dataset.corridorsState = state;
  };

  const post = (e: Embed, msg: Record<string, unknown>) => {
    if (e.frame?.contentWindow && e.ready)
      e.frame.contentWindow.postMessage({ type: `${PREFIX}command`, ...msg }, origin);
    else e.pending = { ...e.pending, ...msg };
  };

  const reveal = (e: Embed, f: HTMLIFrameElement) => {
    if (e.frame !== f || e.ready) return;
    e.ready = true;
    f.style.opacity = '1';
    setState(e, 'live');
    if (e.pending) {
      const p = e.pending;
      e.pending = null;
      post(e, p);
    }
    fire(e, 'ready', {});
  };

  const load = (e: Embed) => {
    const q = new URLSearchParams(e.query);
    q.set('embed', '1');
    q.set('height', String(e.base));
    if (e.panel) q.set('panel', '1');
    else q.delete('panel');
    const f = document.createElement('iframe');
    f.src = `${base.href}embed.html?${q}`;
    f.title = e.div.dataset.title || e.alt;
    f.allow = 'fullscreen';
    const s = f.style;
    s.position = 'absolute';
    s.top = s.left = '0';
    s.width = s.height = '100%';
    s.border = '0';
    s.opacity = '0';
    s.transition = 'opacity .2s';
    // Shown when the map says it is ready; a frame that never says so is shown anyway after a while.
    f.addEventListener('load', () => setTimeout(() => reveal(e, f), 8000));
    e.frame = f;
    e.ready = false;
    setState(e, 'loading');
    e.div.appendChild(f);
  };

  const unload = (e: Embed) => {
    e.frame?.remove();
    e.frame = null;
    e.ready = false;
    setState(e, 'placeholder');
  };

  /** How far from the viewport (0: on screen), then how far from its middle: the order frames are given in. */
  const distance = (e: Embed): [number, number] => {
    const r = e.div.getBoundingClientRect();
    const h = innerHeight;
    return [r.bottom < 0 ? -r.bottom : r.top > h ? r.top - h : 0, Math.abs(r.top + r.bottom - h)];
  };

  /** The nearest embeds get frames, up to MAX_GL holding WebGL; frames that are far or crowded out go. */
  const update = () => {
    const want = embeds
      .filter((e) => e.near || (e.frame !== null && e.keep))
      .map((e) => [distance(e), e] as const)
      .sort(([a], [b]) => a[0] - b[0] || a[1] - b[1]);
    const keep = new Set<Embed>();
    let gl = 0;
    for (const [, e] of want) {
      if (e.gl) {
        if (gl >= MAX_GL) continue;
        gl++;
      }
      keep.add(e);
    }
    // Release before creating, so the count of live contexts never passes MAX_GL even for a moment.
    for (const e of embeds) if (e.frame && !keep.has(e)) unload(e);
    for (const e of keep) if (!e.frame) load(e);
  };

  const observer = (margin: string, key: 'near' | 'keep') =>
    new IntersectionObserver(
      (entries) => {
        for (const en of entries) {
          const e = embeds.find((x) => x.div === en.target);
          if (e) e[key] = en.isIntersecting;
        }
        update();
      },
      { rootMargin: margin },
    );
  const nearObserver = observer(LOAD_MARGIN, 'near');
  const keepObserver = observer(KEEP_MARGIN, 'keep');

  const heightOf = (div: HTMLElement): number => {
    const h = Number(div.dataset.height);
    if (h >= MIN_H && h <= MAX_H) return Math.round(h);
    // data-aspect="16:9" or "1.6": width over height
    const [a, b = '1'] = (div.dataset.aspect ?? '').split(/[:/]/);
    const ratio = Number(a) / Number(b);
    if (ratio > 0.2 && ratio < 10)
      return Math.round(Math.min(MAX_H, Math.max(MIN_H, div.clientWidth / ratio)));
    const reserved = div.getBoundingClientRect().height;
    return reserved >= MIN_H && reserved <= MAX_H ? Math.round(reserved) : DEFAULT_H;
  };

  const add = (div: HTMLElement) => {
    const query = new URLSearchParams(div.dataset.corridors ?? '');
    const base0 = heightOf(div);
    const alt = query.get('lang') === 'en' ? 'Map of the Caspian corridors' : 'Карта каспийских коридоров';
    const e: Embed = {
      div,
      query,
      base: base0,
      gl: query.get('static') !== '1',
      frame: null,
      ready: false,
      panel: query.get('panel') === '1',
      near: false,
      keep: false,
      alt,
      pending: null,
    };
    const s = div.style;
    if (getComputedStyle(div).position === 'static') s.position = 'relative';
    s.display = 'block';
    s.overflow = 'hidden';
    s.height = `${base0}px`;
    const img = document.createElement('img');
    img.src = `${base.href}data/placeholder${query.get('theme') === 'dark' ? '-dark' : ''}.svg`;
    img.alt = alt;
    img.decoding = 'async';
    const is = img.style;
    is.position = 'absolute';
    is.top = is.left = '0';
    is.width = is.height = '100%';
    is.objectFit = 'cover';
    img.addEventListener('error', () => {
      is.visibility = 'hidden';
    });
    // The snippet's fallback link (for readers without scripts) gives way to the placeholder.
    div.replaceChildren(img);
    div.addEventListener(`${PREFIX}command`, (ev) => {
      const d = (ev as CustomEvent).detail as Record<string, unknown> | null;
      if (typeof d !== 'object' || d === null) return;
      const cmd: Record<string, unknown> = {};
      if (d.select === null || (typeof d.select === 'string' && ID.test(d.select))) {
        cmd.select = d.select;
        if (d.select === null) query.delete('f');
        else query.set('f', d.select);
      }
      if (d.lang === 'ru' || d.lang === 'en') {
        cmd.lang = d.lang;
        query.set('lang', d.lang);
      }
      if (Object.keys(cmd).length > 0 && e.frame) post(e, cmd);
    });
    embeds.push(e);
    setState(e, 'placeholder');
    nearObserver.observe(div);
    keepObserver.observe(div);
  };

  addEventListener('message', (ev: MessageEvent) => {
    // Only the map's origin, and only from a frame this loader made: anything else is ignored.
    if (ev.origin !== origin) return;
    const e = embeds.find((x) => x.frame !== null && x.frame.contentWindow === ev.source);
    const d = ev.data as Record<string, unknown> | null;
    if (!e || typeof d !== 'object' || d === null) return;
    const f = e.frame as HTMLIFrameElement;
    switch (d.type) {
      case `${PREFIX}height`: {
        const h = d.height;
        if (typeof h === 'number' && h >= MIN_H && h <= MAX_H) e.div.style.height = `${Math.ceil(h)}px`;
        break;
      }
      case `${PREFIX}select`:
        if (d.id === null || (typeof d.id === 'string' && ID.test(d.id))) {
          if (d.id === null) e.query.delete('f');
          else e.query.set('f', d.id);
          fire(e, 'select', { id: d.id });
        }
        break;
      case `${PREFIX}lang`:
        if (d.lang === 'ru' || d.lang === 'en') {
          e.query.set('lang', d.lang);
          fire(e, 'lang', { lang: d.lang });
        }
        break;
      case `${PREFIX}panel`:
        if (typeof d.open === 'boolean') e.panel = d.open;
        break;
      case `${PREFIX}ready`:
        reveal(e, f);
        break;
    }
  });

  const scan = () => {
    for (const div of document.querySelectorAll<HTMLElement>('[data-corridors]'))
      if (!div.dataset.corridorsState) add(div);
  };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  return {
    scan,
    live: () => {
      const framed = embeds.filter((e) => e.frame);
      return { frames: framed.length, gl: framed.filter((e) => e.gl).length };
    },
  };
}

// Several snippets on one page each bring this script: the first copy does the work, the others rescan.
if (g.CorridorsEmbed) g.CorridorsEmbed.scan();
else g.CorridorsEmbed = start();
