// One generated scene drawn on a canvas, scaled up with crisp pixels. The canvas is an image to assistive technology,
// named by its caption (the caption is text: it is never read as HTML).
import { useEffect, useRef } from 'react';

/** On-screen side of a scene in CSS pixels: 2x the 32 pixels of the picture, large enough to tell shapes apart. */
export const SCENE_DISPLAY_PX = 64;

export function SceneCanvas({ pixels, side, caption }: { pixels: Uint8ClampedArray; side: number; caption: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), side, side), 0, 0);
  }, [pixels, side]);
  return <canvas ref={ref} width={side} height={side} role="img" aria-label={caption} className="scene-canvas" style={{ width: SCENE_DISPLAY_PX, height: SCENE_DISPLAY_PX }} />;
}
