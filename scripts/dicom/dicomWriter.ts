/**
 * Hand-assembles DICOM Part 10 files, byte by byte after PS3.5 section 7 (data elements) and A.4
 * (encapsulation), so every value a test checks is one the test wrote. The tests' hostile and
 * format fixtures and the benchmark's cines (scripts/bench/writeDicomCine.ts) are made with it.
 */

export type Vr = 'UI' | 'US' | 'UL' | 'DS' | 'IS' | 'CS' | 'AT' | 'FD' | 'OB' | 'OW' | 'SQ' | 'LO';

export interface DicomElement {
  /** (group << 16) | element, e.g. 0x00280010 for Rows. */
  tag: number;
  vr: Vr;
  value: string | number | number[] | Uint8Array | DicomElement[][];
}

/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'OF', 'OD', 'OL']);

export const TS = {
  implicit: '1.2.840.10008.1.2',
  explicit: '1.2.840.10008.1.2.1',
  rle: '1.2.840.10008.1.2.5',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
} as const;

class Bytes {
  private chunks: Uint8Array[] = [];
  private small: number[] = [];
  u8(...v: number[]): this {
    this.small.push(...v);
    return this;
  }
  u16(v: number): this {
    return this.u8(v & 0xff, (v >> 8) & 0xff);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16((v >>> 16) & 0xffff);
  }
  /** Big payloads (pixel data) are kept as chunks, never copied byte by byte. */
  raw(bytes: Uint8Array): this {
    this.flushSmall();
    this.chunks.push(bytes);
    return this;
  }
  private flushSmall(): void {
    if (this.small.length === 0) return;
    this.chunks.push(Uint8Array.from(this.small));
    this.small = [];
  }
  tag(tag: number): this {
    return this.u16(tag >>> 16).u16(tag & 0xffff);
  }
  done(): Uint8Array {
    this.flushSmall();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function valueBytes(el: DicomElement, explicit: boolean): Uint8Array {
  const { vr, value } = el;
  if (value instanceof Uint8Array) return value.length % 2 ? Uint8Array.from([...value, 0]) : value;
  const list = Array.isArray(value) ? (value as number[]) : [value as number];
  const b = new Bytes();
  switch (vr) {
    case 'US':
      list.forEach((v) => b.u16(v));
      return b.done();
    case 'UL':
      list.forEach((v) => b.u32(v));
      return b.done();
    case 'AT':
      list.forEach((v) => b.tag(v));
      return b.done();
    case 'FD': {
      const out = new Uint8Array(8 * list.length);
      list.forEach((v, i) => new DataView(out.buffer).setFloat64(8 * i, v, true));
      return out;
    }
    case 'SQ': {
      const items = value as DicomElement[][];
      for (const item of items) {
        const body = encodeElements(item, explicit);
        b.tag(0xfffee000).u32(body.length).raw(body);
      }
      return b.done();
    }
    default: {
      let text = Array.isArray(value) ? value.join('\\') : String(value);
      if (text.length % 2) text += vr === 'UI' ? '\0' : ' ';
      return new TextEncoder().encode(text);
    }
  }
}

export function encodeElements(elements: DicomElement[], explicit: boolean): Uint8Array {
  const b = new Bytes();
  for (const el of [...elements].sort((a, c) => a.tag - c.tag)) {
    const v = valueBytes(el, explicit);
    b.tag(el.tag);
    if (!explicit) b.u32(v.length);
    else if (LONG_VRS.has(el.vr)) b.u8(el.vr.charCodeAt(0), el.vr.charCodeAt(1), 0, 0).u32(v.length);
    else b.u8(el.vr.charCodeAt(0), el.vr.charCodeAt(1)).u16(v.length);
    b.raw(v);
  }
  return b.done();
}

/** Encapsulated Pixel Data (PS3.5 A.4): undefined length, offset-table item, one item per frame. */
export function encapsulatedPixelData(frames: Uint8Array[], withOffsetTable: boolean, explicit = true): Uint8Array {
  const b = new Bytes().tag(0x7fe00010);
  if (explicit) b.u8(0x4f, 0x42, 0, 0); // 'OB'
  b.u32(0xffffffff);
  const padded = frames.map((f) => (f.length % 2 ? Uint8Array.from([...f, 0]) : f));
  b.tag(0xfffee000).u32(withOffsetTable ? 4 * frames.length : 0);
  if (withOffsetTable) {
    let offset = 0;
    for (const f of padded) {
      b.u32(offset);
      offset += 8 + f.length;
    }
  }
  for (const f of padded) b.tag(0xfffee000).u32(f.length).raw(f);
  return b.tag(0xfffee0dd).u32(0).done();
}

/** Preamble, DICM, file meta group (always explicit VR LE, PS3.10 7.1), then the data set. */
export function dicomFile(transferSyntax: string, dataSet: DicomElement[], pixelData: Uint8Array): Uint8Array {
  const explicit = transferSyntax !== TS.implicit;
  const metaBody = encodeElements(
    [
      { tag: 0x00020001, vr: 'OB', value: Uint8Array.from([0, 1]) },
      { tag: 0x00020002, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.3.1' },
      { tag: 0x00020003, vr: 'UI', value: '1.2.3.4.5.6.7' },
      { tag: 0x00020010, vr: 'UI', value: transferSyntax },
    ],
    true,
  );
  const meta = new Bytes().raw(encodeElements([{ tag: 0x00020000, vr: 'UL', value: metaBody.length }], true)).raw(metaBody).done();
  const body = encodeElements(dataSet, explicit);
  const out = new Uint8Array(132 + meta.length + body.length + pixelData.length);
  out.set(new TextEncoder().encode('DICM'), 128);
  out.set(meta, 132);
  out.set(body, 132 + meta.length);
  out.set(pixelData, 132 + meta.length + body.length);
  return out;
}

/** Native Pixel Data element holding all frames back to back. */
export function nativePixelData(frames: Uint8Array[], explicit: boolean, vr: 'OB' | 'OW' = 'OB'): Uint8Array {
  const total = frames.reduce((n, f) => n + f.length, 0);
  const all = new Uint8Array(total + (total % 2));
  let at = 0;
  for (const f of frames) {
    all.set(f, at);
    at += f.length;
  }
  return encodeElements([{ tag: 0x7fe00010, vr, value: all }], explicit);
}

/** PackBits per PS3.5 G.3.1: runs of 3+ equal bytes as repeats, the rest as literals. */
export function packBits(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < src.length) {
    let run = 1;
    while (i + run < src.length && run < 128 && src[i + run] === src[i]) run++;
    if (run >= 3) {
      out.push((257 - run) & 0xff, src[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < src.length && i - start < 128) {
      if (i + 2 < src.length && src[i] === src[i + 1] && src[i] === src[i + 2]) break;
      i++;
    }
    out.push(i - start - 1);
    for (let k = start; k < i; k++) out.push(src[k]);
  }
  return Uint8Array.from(out);
}

/** One RLE Lossless frame (PS3.5 G.5): header with segment offsets, then each plane PackBits-coded. */
export function rleFrame(planes: Uint8Array[]): Uint8Array {
  const segments = planes.map(packBits);
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((s, k) => {
    view.setUint32(4 + 4 * k, offset, true);
    offset += s.length;
  });
  const out = new Uint8Array(offset);
  out.set(header);
  let at = 64;
  for (const s of segments) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}

/** Image Pixel module and the multi-frame basics for a W x H cine. */
export function imageElements(o: {
  width: number;
  height: number;
  frames: number;
  photometric: string;
  samplesPerPixel?: number;
  bitsAllocated?: number;
  planar?: number;
}): DicomElement[] {
  const bits = o.bitsAllocated ?? 8;
  const spp = o.samplesPerPixel ?? 1;
  const els: DicomElement[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.3.1' },
    { tag: 0x00280002, vr: 'US', value: spp },
    { tag: 0x00280004, vr: 'CS', value: o.photometric },
    { tag: 0x00280008, vr: 'IS', value: o.frames },
    { tag: 0x00280010, vr: 'US', value: o.height },
    { tag: 0x00280011, vr: 'US', value: o.width },
    { tag: 0x00280100, vr: 'US', value: bits },
    { tag: 0x00280101, vr: 'US', value: bits },
    { tag: 0x00280102, vr: 'US', value: bits - 1 },
    { tag: 0x00280103, vr: 'US', value: 0 },
  ];
  if (spp === 3) els.push({ tag: 0x00280006, vr: 'US', value: o.planar ?? 0 });
  return els;
}

/** One Sequence of Ultrasound Regions item (PS3.3 C.8.5.5), units cm (3). */
export function ultrasoundRegion(o: { x0: number; y0: number; x1: number; y1: number; dxCm: number; dyCm: number; spatialFormat?: number; dataType?: number }): DicomElement[] {
  return [
    { tag: 0x00186012, vr: 'US', value: o.spatialFormat ?? 1 },
    { tag: 0x00186014, vr: 'US', value: o.dataType ?? 1 },
    { tag: 0x00186016, vr: 'UL', value: 0 },
    { tag: 0x00186018, vr: 'UL', value: o.x0 },
    { tag: 0x0018601a, vr: 'UL', value: o.y0 },
    { tag: 0x0018601c, vr: 'UL', value: o.x1 },
    { tag: 0x0018601e, vr: 'UL', value: o.y1 },
    { tag: 0x00186024, vr: 'US', value: 3 },
    { tag: 0x00186026, vr: 'US', value: 3 },
    { tag: 0x0018602c, vr: 'FD', value: o.dxCm },
    { tag: 0x0018602e, vr: 'FD', value: o.dyCm },
  ];
}
