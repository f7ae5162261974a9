import type { Words } from './i18n/Messages';

/**
 * Manual scale for plain video (issue 5): B-mode depth is the image's vertical extent, so
 * mm per pixel = depth (cm) x 10 / image-region height (px). Square pixels are assumed, as
 * linear-array scanners display them. Bad input gets words instead of a number.
 */
export function mmPerPxFromDepth(depthCm: number, regionHeightPx: number): number | Words {
  if (!Number.isFinite(depthCm) || depthCm <= 0) return (m) => m.inputs.depthNotPositive;
  // 30 cm is beyond any musculoskeletal preset; larger values are typing slips.
  if (depthCm > 30) return (m) => m.inputs.depthTooLarge;
  if (!Number.isFinite(regionHeightPx) || regionHeightPx < 8) return (m) => m.inputs.regionTooSmallForScale;
  return (depthCm * 10) / regionHeightPx;
}
