import type { DataSet } from 'dicom-parser';
import type { RectPx } from '../../analysis/LumaFrame';

export interface UltrasoundRegion {
  /** Millimetres per pixel, or null when the region has no physical scale in cm. */
  mmPerPx: number | null;
  /** The tissue image, clipped to the frame; excludes burned-in text, clocks and ECG traces. */
  imageRegionPx: RectPx;
}

const SEQUENCE_OF_ULTRASOUND_REGIONS = 'x00186011';
const REGION_SPATIAL_FORMAT = 'x00186012'; // 1 = 2D (tissue or flow image)
const REGION_DATA_TYPE = 'x00186014'; // 1 = tissue
const MIN_X0 = 'x00186018';
const MIN_Y0 = 'x0018601a';
const MAX_X1 = 'x0018601c';
const MAX_Y1 = 'x0018601e';
const PHYSICAL_UNITS_X = 'x00186024'; // 3 = cm
const PHYSICAL_UNITS_Y = 'x00186026';
const PHYSICAL_DELTA_X = 'x0018602c'; // FD, units per pixel
const PHYSICAL_DELTA_Y = 'x0018602e';
const UNITS_CM = 3;

/**
 * The 2D tissue region from the Sequence of Ultrasound Regions (PS3.3 C.8.5.5): spatial format
 * 1 and data type 1. With units 3 (cm), Physical Delta X/Y are cm per pixel, so mm per pixel is
 * 10x that. When X and Y scales differ (non-square pixels) the geometric mean sqrt(dx*dy) is
 * returned, because it keeps areas exact: area_mm2 = pixels * dx * dy. Returns null when the
 * file has no such region.
 */
export function readUltrasoundRegion(ds: DataSet, widthPx: number, heightPx: number): UltrasoundRegion | null {
  const items = ds.elements[SEQUENCE_OF_ULTRASOUND_REGIONS]?.items ?? [];
  for (const item of items) {
    const region = item.dataSet;
    if (!region) continue;
    if (region.uint16(REGION_SPATIAL_FORMAT) !== 1 || region.uint16(REGION_DATA_TYPE) !== 1) continue;
    const x0 = region.uint32(MIN_X0);
    const y0 = region.uint32(MIN_Y0);
    const x1 = region.uint32(MAX_X1);
    const y1 = region.uint32(MAX_Y1);
    if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined) continue;
    // The bounds are inclusive pixel indices; exporters sometimes write x1 = width, so clip.
    const left = Math.min(x0, widthPx - 1);
    const top = Math.min(y0, heightPx - 1);
    const right = Math.min(x1, widthPx - 1);
    const bottom = Math.min(y1, heightPx - 1);
    if (right < left || bottom < top) continue;
    const imageRegionPx: RectPx = { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
    const dxCm = region.double(PHYSICAL_DELTA_X);
    const dyCm = region.double(PHYSICAL_DELTA_Y);
    const inCm = region.uint16(PHYSICAL_UNITS_X) === UNITS_CM && region.uint16(PHYSICAL_UNITS_Y) === UNITS_CM;
    const scaleOk = dxCm !== undefined && dyCm !== undefined && dxCm > 0 && dyCm > 0 && Number.isFinite(dxCm * dyCm);
    const mmPerPx = inCm && scaleOk ? 10 * Math.sqrt(dxCm * dyCm) : null;
    return { mmPerPx, imageRegionPx };
  }
  return null;
}
