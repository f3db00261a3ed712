// When the page's own drawing may start without holding up the map's first tiles.
//
// MapLibre's start is a chain: the sources go to its worker, the worker parses them and answers, and only then does
// the main thread ask for the first tiles. Panels drawn in that gap (a task of ~100 ms under SwiftShader) kept the
// answers waiting: the first tile request came ~95 ms later than with the panels drawn once it has gone out
// (`npm run bench -- --only load`, 15 alternating runs; README, "Load"). After it, the worker parses tiles while the
// main thread draws.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** However the map fares (no tile ever asked for, an error, a fallback to the SVG map), the page waits no longer. */
export const FIRST_TILES_WAIT_MS = 1500;

/**
 * Calls `draw` once: in the frame after the map first asks for a tile, or when it goes idle, errors, `settled`
 * resolves or FIRST_TILES_WAIT_MS pass, whichever comes first.
 */
export function afterFirstTileRequest(map: MapLibreMap, settled: Promise<unknown>, draw: () => void): void {
  let done = false;
  const start = () => {
    if (done) return;
    done = true;
    // Whichever came first, the others are let go: the map lives on, and a later error need not find this here.
    map.off('sourcedataloading', onData);
    map.off('idle', start);
    map.off('error', start);
    clearTimeout(timer);
    // The frame after: every tile of the view is asked for in the same frame as the first.
    requestAnimationFrame(draw);
  };
  // Source data events carry the tile when a tile starts loading; the sources' own loading events carry none.
  const onData = (e: { tile?: unknown }) => {
    if (e.tile !== undefined) start();
  };
  map.on('sourcedataloading', onData);
  map.once('idle', start);
  map.once('error', start);
  settled.then(start, start);
  const timer = setTimeout(start, FIRST_TILES_WAIT_MS);
}
