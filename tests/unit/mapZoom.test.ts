import { describe, expect, it } from 'vitest';
import { KEY_PAN, KEY_ZOOM, MAX_ZOOM, panView, viewForKey, zoomView } from '../../src/ui/map/mapZoom';

const RESET = { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number] };

describe('map zoom and pan', () => {
  it('zooms about a point, keeping that point where it was on screen', () => {
    const v = zoomView(RESET, 2, 0.5, 0.5, RESET);
    expect(v.x[1] - v.x[0]).toBeCloseTo(1, 12);
    // 0.5 sat at 75% of the width before, and still does.
    expect((0.5 - v.x[0]) / (v.x[1] - v.x[0])).toBeCloseTo(0.75, 12);
  });

  it('stops at the zoom limits', () => {
    let v = RESET;
    for (let i = 0; i < 100; i++) v = zoomView(v, 2, 0, 0, RESET);
    expect(2 / (v.x[1] - v.x[0])).toBeCloseTo(MAX_ZOOM, 6);
  });

  it('maps keys to views: + and - zoom, arrows pan by a share of the view, 0 resets, others do nothing', () => {
    const zoomed = viewForKey('+', RESET, RESET)!;
    expect(2 / (zoomed.x[1] - zoomed.x[0])).toBeCloseTo(KEY_ZOOM, 12);
    const back = viewForKey('-', zoomed, RESET)!;
    expect(back.x[0]).toBeCloseTo(-1, 12);
    expect(viewForKey('ArrowRight', RESET, RESET)!.x[0]).toBeCloseTo(-1 + 2 * KEY_PAN, 12);
    expect(viewForKey('ArrowUp', RESET, RESET)!.y[1]).toBeCloseTo(1 + 2 * KEY_PAN, 12);
    expect(viewForKey('0', panView(zoomed, 0.3, 0.3), RESET)).toEqual(RESET);
    expect(viewForKey('a', RESET, RESET)).toBeNull();
  });
});
