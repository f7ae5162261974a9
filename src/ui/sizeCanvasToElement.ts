/**
 * Match a canvas's backing store to an element's on-screen size at the device pixel ratio (sharp
 * lines on high-DPI screens) and return its 2D context, cleared, or null when there is none.
 */
export function sizeCanvasToElement(
  canvas: HTMLCanvasElement,
  element: Element,
): { ctx: CanvasRenderingContext2D; width: number; height: number; ratio: number } | null {
  const box = element.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(box.width * ratio));
  const height = Math.max(1, Math.round(box.height * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  return ctx ? { ctx, width, height, ratio } : null;
}
