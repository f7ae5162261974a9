/**
 * Where a video's picture lies inside its element box: `<video>` letterboxes with
 * object-fit: contain, so clip pixels map to element pixels by one scale and an offset.
 */
export interface ContentRect {
  /** Offset of the picture inside the element, CSS px. */
  left: number;
  top: number;
  /** CSS px per clip pixel (same on both axes: contain keeps the aspect ratio). */
  scale: number;
  width: number;
  height: number;
}

export function videoContentRect(
  elementWidth: number,
  elementHeight: number,
  videoWidthPx: number,
  videoHeightPx: number,
): ContentRect | null {
  if (!(videoWidthPx > 0 && videoHeightPx > 0 && elementWidth > 0 && elementHeight > 0)) return null;
  const scale = Math.min(elementWidth / videoWidthPx, elementHeight / videoHeightPx);
  const width = videoWidthPx * scale;
  const height = videoHeightPx * scale;
  return { left: (elementWidth - width) / 2, top: (elementHeight - height) / 2, scale, width, height };
}

/** Element CSS px to clip px, clamped to the picture. */
export function elementToClipPx(
  rect: ContentRect,
  xCss: number,
  yCss: number,
  videoWidthPx: number,
  videoHeightPx: number,
): { xPx: number; yPx: number } {
  const xPx = Math.round((xCss - rect.left) / rect.scale);
  const yPx = Math.round((yCss - rect.top) / rect.scale);
  return {
    xPx: Math.min(videoWidthPx, Math.max(0, xPx)),
    yPx: Math.min(videoHeightPx, Math.max(0, yPx)),
  };
}
