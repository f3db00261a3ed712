// Keys of briefing mode, shared by the main window and the presenter window. Presentation clickers send Page Down
// / Page Up (most), or the arrow keys, or Space; a step number typed then Enter jumps to that step.
//   → ↓ Page Down Space: next · ← ↑ Page Up Shift+Space: previous · Home / End: first / last
//   digits then Enter: that step · Backspace: drop a digit · F: full screen · N: presenter window · Esc: leave
export type BriefingCommand =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'go'; step: number }
  | { type: 'fullscreen' }
  | { type: 'presenter' }
  | { type: 'leave' };

export interface BriefingKeysOptions {
  /** false while briefing mode is off: every key then goes where it would go anyway */
  enabled(): boolean;
  onCommand(c: BriefingCommand): void;
  /** the step number typed so far ('' when none), for showing it */
  onDigits?(digits: string): void;
}

/** A typed number is forgotten after this long without another key. */
const DIGITS_TIMEOUT_MS = 4000;

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

function commandOf(e: KeyboardEvent): BriefingCommand | null {
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'next' };
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? { type: 'prev' } : { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'f':
    case 'F':
    case 'а': // the F key on a Russian layout
    case 'А':
      return { type: 'fullscreen' };
    case 'n':
    case 'N':
    case 'т': // the N key on a Russian layout
    case 'Т':
      return { type: 'presenter' };
    case 'Escape':
      return { type: 'leave' };
    default:
      return null;
  }
}

/**
 * A keydown listener for `window`, registered in the capture phase so that keys it handles reach neither the map
 * (MapLibre pans on arrow keys) nor a focused control.
 */
export function briefingKeys(o: BriefingKeysOptions): (e: KeyboardEvent) => void {
  let digits = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const setDigits = (d: string) => {
    digits = d;
    clearTimeout(timer);
    if (d !== '') timer = setTimeout(() => setDigits(''), DIGITS_TIMEOUT_MS);
    o.onDigits?.(d);
  };
  return (e: KeyboardEvent) => {
    if (!o.enabled() || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const t = e.target instanceof HTMLElement ? e.target : null;
    if (t !== null && (t.isContentEditable || TYPING.has(t.tagName))) return;
    let command: BriefingCommand | null = null;
    if (/^[0-9]$/.test(e.key)) {
      if (digits.length < 3) setDigits(digits + e.key);
    } else if (e.key === 'Backspace' && digits !== '') {
      setDigits(digits.slice(0, -1));
    } else if (e.key === 'Enter') {
      // Without a typed number, Enter is left to a focused button.
      if (digits === '') return;
      command = { type: 'go', step: Number(digits) };
      setDigits('');
    } else {
      command = commandOf(e);
      if (command === null) return;
      if (digits !== '') setDigits('');
    }
    e.preventDefault();
    e.stopPropagation();
    if (command !== null) o.onCommand(command);
  };
}
