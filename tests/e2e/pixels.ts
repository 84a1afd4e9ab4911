// Reading images the lab produced (downloaded PNGs), in the page itself: the browser decodes the PNG and resolves
// theme colours, so the tests need no image library and compare against the colours the page really uses.
import type { Page } from 'playwright-core';

/**
 * How many pixels of a PNG are within `tolerance` (sum of channel differences) of a CSS colour, given as a custom
 * property of the page's theme (e.g. '--accent').
 */
export function countThemeColourPixels(page: Page, png: Buffer, cssVar: string, tolerance: number): Promise<number> {
  return page.evaluate(
    async ({ b64, cssVar, tolerance }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue(cssVar).trim();
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k]! - r!) + Math.abs(d[k + 1]! - g!) + Math.abs(d[k + 2]! - b!) < tolerance) n++;
      return n;
    },
    { b64: png.toString('base64'), cssVar, tolerance },
  );
}
