import dicomParser, { type DataSet, type Element } from 'dicom-parser';
import { ClipError } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import type { RectPx } from '../../analysis/LumaFrame';
import { checkDicomFileSize, checkImageSize } from './dicomLimits';
import { pixelEncodingOf, type PixelEncoding } from './dicomTransferSyntax';
import { nativeFrameBytes, type NativeLayout } from './nativeFrameToLuma';
import { readDicomFrameTimesS, type FrameTimingSource } from './readDicomFrameTimesS';
import { readPaletteLumaLut } from './readPaletteLumaLut';
import { readUltrasoundRegion } from './readUltrasoundRegion';

/** A parsed DICOM cine: its layout, timing and scale, and a way to read one frame's bytes. */
export interface DicomCine {
  transferSyntaxUid: string;
  encoding: PixelEncoding;
  layout: NativeLayout;
  frameCount: number;
  /** Null when the file carries no timing (no Frame Time, vector, Cine Rate or display rate). */
  timesS: number[] | null;
  timingSource: FrameTimingSource | null;
  /** Nominal frame period from Frame Time / Cine Rate / display rate; null for a vector or no timing. */
  periodS: number | null;
  mmPerPx: number | null;
  imageRegionPx: RectPx | null;
  /** Frame i as stored: raw pixels (native), an RLE frame, or a JPEG bitstream. */
  frameBytes(index: number): Uint8Array;
}

const PHOTOMETRICS = new Set(['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL', 'YBR_FULL_422', 'PALETTE COLOR']);
const IMPLICIT_VR_LE = '1.2.840.10008.1.2';

/** dicom-parser throws strings and plain objects as well as Errors; get words out of any. */
function describe(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (thrown && typeof thrown === 'object' && 'exception' in thrown) return describe((thrown as { exception: unknown }).exception);
  return String(thrown);
}

function parse(bytes: Uint8Array): DataSet {
  const hasPreamble = bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';
  try {
    // Without the Part 10 preamble, PS3.5 10.1 makes Implicit VR Little Endian the default.
    return hasPreamble ? dicomParser.parseDicom(bytes) : dicomParser.parseDicom(bytes, { TransferSyntaxUID: IMPLICIT_VR_LE });
  } catch (thrown) {
    // dicom-parser attaches what it read before the failure. A file cut inside its Pixel Data
    // still has a sound header: carry on, so the frame count check can say how much is left.
    const partial = thrown && typeof thrown === 'object' && 'dataSet' in thrown ? (thrown as { dataSet?: DataSet }).dataSet : undefined;
    if (partial?.elements?.x7fe00010 && partial.elements.x00280010 && partial.elements.x00280011) return partial;
    throw sourceError('dicomUnparsable', { detail: describe(thrown) });
  }
}

function pixelDataOf(ds: DataSet): Element {
  const pixelData = ds.elements.x7fe00010;
  if (!pixelData) throw sourceError('dicomNoPixelData');
  if (pixelData.dataOffset > ds.byteArray.length) throw sourceError('dicomPixelDataCut');
  return pixelData;
}

function readLayout(ds: DataSet): NativeLayout {
  const width = ds.uint16('x00280011') ?? 0;
  const height = ds.uint16('x00280010') ?? 0;
  checkImageSize(width, height);
  const photometric = (ds.string('x00280004') ?? '').trim();
  if (!PHOTOMETRICS.has(photometric)) {
    throw sourceError('dicomPhotometric', { photometric });
  }
  const samplesPerPixel = ds.uint16('x00280002') ?? 1;
  const expectedSamples = photometric.startsWith('MONO') || photometric === 'PALETTE COLOR' ? 1 : 3;
  if (samplesPerPixel !== expectedSamples) {
    throw sourceError('dicomSamples', { photometric, samples: samplesPerPixel, expected: expectedSamples });
  }
  const bitsAllocated = ds.uint16('x00280100') ?? 8;
  const bitsStored = ds.uint16('x00280101') ?? bitsAllocated;
  const signed = ds.uint16('x00280103') === 1;
  const sixteenOk = photometric.startsWith('MONO') || photometric === 'PALETTE COLOR';
  if (!(bitsAllocated === 8 || (bitsAllocated === 16 && sixteenOk)) || signed) {
    throw sourceError('dicomBits', { signed, bits: bitsAllocated, photometric });
  }
  if (photometric === 'YBR_FULL_422' && width % 2 !== 0) {
    throw sourceError('dicomOdd422');
  }
  const layout: NativeLayout = {
    width,
    height,
    samplesPerPixel: samplesPerPixel as 1 | 3,
    planar: ds.uint16('x00280006') === 1 ? 1 : 0,
    photometric: photometric as NativeLayout['photometric'],
    bitsAllocated: bitsAllocated as 8 | 16,
    bitsStored,
    paletteLuma: null,
  };
  if (photometric === 'PALETTE COLOR') layout.paletteLuma = readPaletteLumaLut(ds, bitsAllocated);
  return layout;
}

function readFrameCount(ds: DataSet): number {
  const raw = ds.elements.x00280008 ? ds.intString('x00280008') : 1; // single-frame when absent (PS3.3 C.7.6.6)
  if (raw === undefined || !Number.isFinite(raw) || raw < 0) throw sourceError('dicomFrameCount');
  if (raw === 0) throw sourceError('dicomZeroFrames');
  return raw;
}

/** Reader for encapsulated (RLE, JPEG) frames, whichever way the file maps fragments to frames. */
function encapsulatedReader(ds: DataSet, pixelData: Element, frameCount: number, encoding: PixelEncoding): (i: number) => Uint8Array {
  const fragments = pixelData.fragments ?? [];
  if (fragments.length === 0) throw sourceError('dicomNoFragments');
  const table = pixelData.basicOffsetTable ?? [];
  if (table.length > 0) {
    if (table.length !== frameCount) throw sourceError('dicomOffsetTable', { listed: table.length, frames: frameCount });
    return (i) => dicomParser.readEncapsulatedImageFrame(ds, pixelData, i) as Uint8Array;
  }
  if (fragments.length === frameCount) return (i) => dicomParser.readEncapsulatedPixelDataFromFragments(ds, pixelData, i, 1) as Uint8Array;
  if (frameCount === 1) return () => dicomParser.readEncapsulatedPixelDataFromFragments(ds, pixelData, 0, fragments.length) as Uint8Array;
  if (encoding === 'jpeg-baseline') {
    // JPEG frames split over several fragments: find frame starts by their SOI markers.
    const offsets = dicomParser.createJPEGBasicOffsetTable(ds, pixelData);
    if (offsets.length !== frameCount) throw sourceError('dicomJpegCount', { held: offsets.length, frames: frameCount });
    return (i) => dicomParser.readEncapsulatedImageFrame(ds, pixelData, i, offsets) as Uint8Array;
  }
  throw sourceError('dicomRleFragments', { frames: frameCount, fragments: fragments.length });
}

/**
 * Parses a whole DICOM file (dicom-parser needs it in memory; see MAX_DICOM_BYTES) into what the
 * frame stream needs. Every refusal is a ClipError a clinician can read.
 */
export function parseDicomCine(bytes: Uint8Array): DicomCine {
  checkDicomFileSize(bytes.length);
  const ds = parse(bytes);
  const transferSyntaxUid = (ds.string('x00020010') ?? IMPLICIT_VR_LE).replace(/\0/g, '').trim();
  const encoding = pixelEncodingOf(transferSyntaxUid);
  const layout = readLayout(ds);
  const frameCount = readFrameCount(ds);
  const pixelData = pixelDataOf(ds);
  const timing = readDicomFrameTimesS(ds, frameCount);
  const region = readUltrasoundRegion(ds, layout.width, layout.height);

  let frameBytes: (i: number) => Uint8Array;
  if (encoding === 'native') {
    if (pixelData.encapsulatedPixelData) throw sourceError('dicomNativeButEncapsulated');
    const size = nativeFrameBytes(layout);
    const available = Math.min(pixelData.length, ds.byteArray.length - pixelData.dataOffset);
    if (available < size * frameCount) {
      const whole = Math.floor(available / size);
      throw sourceError('dicomNativeShort', { frames: frameCount, whole });
    }
    frameBytes = (i) => ds.byteArray.subarray(pixelData.dataOffset + i * size, pixelData.dataOffset + (i + 1) * size) as Uint8Array;
  } else {
    if (!pixelData.encapsulatedPixelData) throw sourceError('dicomEncapsulatedButNative');
    frameBytes = encapsulatedReader(ds, pixelData, frameCount, encoding);
  }
  return {
    transferSyntaxUid,
    encoding,
    layout,
    frameCount,
    timesS: timing?.timesS ?? null,
    timingSource: timing?.source ?? null,
    periodS: timing?.periodS ?? null,
    mmPerPx: region?.mmPerPx ?? null,
    imageRegionPx: region?.imageRegionPx ?? null,
    frameBytes(index) {
      try {
        return frameBytes(index);
      } catch (thrown) {
        if (thrown instanceof ClipError) throw thrown;
        throw sourceError('dicomFrameUnreadable', { frame: index + 1, detail: describe(thrown) });
      }
    },
  };
}
