/**
 * Manual scale for plain video (issue 5): B-mode depth is the image's vertical extent, so
 * mm per pixel = depth (cm) x 10 / image-region height (px). Square pixels are assumed, as
 * linear-array scanners display them. Returns a message instead of a number for bad input.
 */
export function mmPerPxFromDepth(depthCm: number, regionHeightPx: number): number | string {
  if (!Number.isFinite(depthCm) || depthCm <= 0) return 'Depth must be a number of centimetres above 0.';
  // 30 cm is beyond any musculoskeletal preset; larger values are typing slips.
  if (depthCm > 30) return 'Depth must be at most 30 cm.';
  if (!Number.isFinite(regionHeightPx) || regionHeightPx < 8) {
    return 'The image region is too small to set a scale from.';
  }
  return (depthCm * 10) / regionHeightPx;
}
