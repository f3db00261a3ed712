// The presenter protocol: the main window and the presenter window (the same built app, ?mode=presenter) keep in
// step over a BroadcastChannel of their own origin; nothing leaves the machine. Either side may step.
//   presenter → all: { type: 'hello' }                          "I have just opened: where are we?"
//   any       → all: { type: 'step', step, lang, active }       "we are at step N (1-based) in this language";
//                                                               active: false when the main window left briefing mode
// Every message carries `from` (a random id per window) so a window ignores its own echo, and `v` (the protocol
// version) so a stale window of an older build is ignored rather than misread.
import type { Lang } from '../domain/feature.ts';

export const CHANNEL_NAME = 'corridors-briefing';
const VERSION = 1;

export type BriefingMessage =
  | { v: 1; from: string; type: 'hello' }
  | { v: 1; from: string; type: 'step'; step: number; lang: Lang; active: boolean };

type Body = { type: 'hello' } | { type: 'step'; step: number; lang: Lang; active: boolean };

export function isBriefingMessage(x: unknown): x is BriefingMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  if (m.v !== VERSION || typeof m.from !== 'string') return false;
  if (m.type === 'hello') return true;
  return (
    m.type === 'step' &&
    typeof m.step === 'number' &&
    Number.isInteger(m.step) &&
    (m.lang === 'ru' || m.lang === 'en') &&
    typeof m.active === 'boolean'
  );
}

export interface BriefingChannel {
  post(body: Body): void;
  close(): void;
}

/** Opens the channel; without BroadcastChannel (very old browsers) posting does nothing. */
export function openBriefingChannel(onMessage: (m: BriefingMessage) => void): BriefingChannel {
  const from = Math.random().toString(36).slice(2);
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (isBriefingMessage(e.data) && e.data.from !== from) onMessage(e.data);
  };
  return {
    post: (body) => channel.postMessage({ v: VERSION, from, ...body }),
    close: () => channel.close(),
  };
}
