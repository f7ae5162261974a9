import type { DataSet } from 'dicom-parser';
import { sourceError } from '../SourceError';
import { lumaOfRgb } from '../rgbToLuma';

const DESCRIPTORS = ['x00281101', 'x00281102', 'x00281103'];
const LUT_DATA = ['x00281201', 'x00281202', 'x00281203'];
const SEGMENTED_LUT_DATA = 'x00281221';

/**
 * PALETTE COLOR (PS3.3 C.7.6.3.1.5/6): each stored value indexes red, green and blue lookup
 * tables. Returns one table from stored value (0 .. 2^bitsAllocated - 1) straight to luma, so a
 * frame converts with one lookup per pixel. Descriptor = [entries (0 means 65536), first stored
 * value mapped, bits per entry]; values below the first map to entry 0, above the last to the last.
 */
export function readPaletteLumaLut(ds: DataSet, bitsAllocated: number): Uint8Array {
  if (ds.elements[SEGMENTED_LUT_DATA]) {
    throw sourceError('dicomSegmentedPalette');
  }
  const channels: Uint8Array[] = [];
  let entries = 0;
  let firstMapped = 0;
  for (let c = 0; c < 3; c++) {
    const rawEntries = ds.uint16(DESCRIPTORS[c], 0);
    const first = ds.uint16(DESCRIPTORS[c], 1);
    const bits = ds.uint16(DESCRIPTORS[c], 2);
    const data = ds.elements[LUT_DATA[c]];
    if (rawEntries === undefined || first === undefined || bits === undefined || !data) {
      throw sourceError('dicomNoPalette');
    }
    entries = rawEntries === 0 ? 65536 : rawEntries;
    // First Mapped may be written as SS (signed) by some devices; small images never need < 0.
    firstMapped = first > 0x7fff ? 0 : first;
    if (data.dataOffset + data.length > ds.byteArray.length) {
      throw sourceError('dicomPaletteCut');
    }
    const bytes = ds.byteArray.subarray(data.dataOffset, data.dataOffset + data.length);
    const channel = new Uint8Array(entries);
    // 8-bit entries are either packed one per byte or each widened to a 16-bit word.
    const bytesPerEntry = data.length >= entries * 2 ? 2 : data.length >= entries ? 1 : 0;
    if (bytesPerEntry === 0) throw sourceError('dicomPaletteShort');
    for (let i = 0; i < entries; i++) {
      if (bytesPerEntry === 1) channel[i] = bytes[i];
      else {
        const word = bytes[2 * i] | (bytes[2 * i + 1] << 8);
        channel[i] = bits === 16 ? word >> 8 : word & 0xff;
      }
    }
    channels.push(channel);
  }
  const values = 1 << bitsAllocated;
  const lut = new Uint8Array(values);
  for (let v = 0; v < values; v++) {
    const i = Math.min(Math.max(v - firstMapped, 0), entries - 1);
    lut[v] = lumaOfRgb(channels[0][i], channels[1][i], channels[2][i]);
  }
  return lut;
}
