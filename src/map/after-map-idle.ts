// When the page's own drawing may start without holding up the map.
//
// The load figure of `npm run bench` is the time to the map's first idle against a bare MapLibre page. Under a
// software renderer on two cores, the panels' first draw (~60 ms of script, then the layout and paint of ~1,000
// elements) competes with MapLibre's worker, its shader compiles and the GPU process for the same cores, whenever
// during the load it runs. Drawn in the frame after the first tile request (sessions 5–12), the map's idle came
// 0.08–0.09 of the bare page's time later than with the panels drawn after the idle (two runs of 31 and 25
// alternating rounds in session 13; sessions 7 and 9 measured −0.11 and −0.12). So the map comes first, as the issue asks, and the panels
// follow in the next frame; a map that is slow to settle holds them back at most PANELS_WAIT_MS. (app.ts waits only
// when the map is in view: a page opened on the Figures or Timeline view draws its panels at once.)
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The performance mark the app sets when it has drawn the panels (read by the tests and the load bench). */
export const PANELS_MARK = 'corridors:panels-drawn';

/** However the map fares (a slow renderer, an error, a fallback to the SVG map), the panels wait no longer. */
export const PANELS_WAIT_MS = 2000;

/**
 * Calls `draw` once: in the frame after the map's first idle, or after it errors, `failed` rejects or
 * PANELS_WAIT_MS pass, whichever comes first.
 */
export function afterMapIdle(map: MapLibreMap, failed: Promise<unknown>, draw: () => void): void {
  let done = false;
  const start = () => {
    if (done) return;
    done = true;
    // Whichever came first, the others are let go: the map lives on, and a later error need not find this here.
    map.off('idle', start);
    map.off('error', start);
    clearTimeout(timer);
    requestAnimationFrame(draw);
  };
  map.once('idle', start);
  map.once('error', start);
  failed.catch(start);
  const timer = setTimeout(start, PANELS_WAIT_MS);
}
