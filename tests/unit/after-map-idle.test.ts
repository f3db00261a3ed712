// When the panels are drawn: in the frame after the map's first idle, or sooner when the map errors or fails, and
// never later than PANELS_WAIT_MS (src/map/after-map-idle.ts). The order against a real map's idle is checked in
// tests/browser/map.test.ts; here a stand-in map fires the events on demand.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterMapIdle, PANELS_WAIT_MS } from '../../src/map/after-map-idle.ts';

type Listener = () => void;

/** The three methods afterMapIdle uses, with a way to fire an event. */
class FakeMap {
  private listeners = new Map<string, Set<Listener>>();
  once(type: string, f: Listener): this {
    const set = this.listeners.get(type) ?? new Set();
    set.add(f);
    this.listeners.set(type, set);
    return this;
  }
  off(type: string, f: Listener): this {
    this.listeners.get(type)?.delete(f);
    return this;
  }
  fire(type: string): void {
    const set = this.listeners.get(type);
    if (set === undefined) return;
    this.listeners.delete(type);
    for (const f of set) f();
  }
  count(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

function start(failed: Promise<unknown> = new Promise(() => {})): {
  map: FakeMap;
  draw: ReturnType<typeof vi.fn>;
} {
  const map = new FakeMap();
  const draw = vi.fn();
  afterMapIdle(map as unknown as MapLibreMap, failed, draw);
  return { map, draw };
}

describe('afterMapIdle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 16));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('draws in the frame after the first idle, once, and lets the other events go', async () => {
    const { map, draw } = start();
    await vi.advanceTimersByTimeAsync(500);
    expect(draw).not.toHaveBeenCalled();
    map.fire('idle');
    expect(draw).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(16);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(map.count()).toBe(0);
    map.fire('error');
    await vi.advanceTimersByTimeAsync(PANELS_WAIT_MS * 2);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a map that never settles longer than PANELS_WAIT_MS', async () => {
    const { map, draw } = start();
    await vi.advanceTimersByTimeAsync(PANELS_WAIT_MS - 1);
    expect(draw).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 + 16);
    expect(draw).toHaveBeenCalledTimes(1);
    map.fire('idle');
    await vi.advanceTimersByTimeAsync(16);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('draws at once when the map errors or fails to mount', async () => {
    const errored = start();
    errored.map.fire('error');
    await vi.advanceTimersByTimeAsync(16);
    expect(errored.draw).toHaveBeenCalledTimes(1);

    const failed = start(Promise.reject(new Error('no map')));
    await vi.advanceTimersByTimeAsync(16);
    expect(failed.draw).toHaveBeenCalledTimes(1);
  });
});
