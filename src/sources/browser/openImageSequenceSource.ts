import type { FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import type { LumaFrame } from '../../analysis/LumaFrame';
import { FrameRateNeededError } from '../FrameRateNeededError';
import type { DecodedLuma } from '../dicom/dicomFrameStream';
import { checkImageSize } from '../dicom/dicomLimits';
import { SNIFF_BYTES, sniffFormat } from '../sniffFormat';
import { decodeJpegLumaBrowser } from './decodeJpegLumaBrowser';
import type { NamedBlob } from './openVideoSource';

/** Decodes one still (PNG or JPEG) to luma; the browser's ImageDecoder unless a test hands in another. */
export type StillLumaDecoder = (bytes: Uint8Array, mimeType: 'image/png' | 'image/jpeg') => Promise<DecodedLuma>;

export interface ImageSequenceOptions {
  /** Frames per second the pictures were taken at: a sequence of files carries no timing. */
  fps: number;
  decodeStill?: StillLumaDecoder;
}

/** Orders "frame_2.png" before "frame_10.png": numbers compare by value, the rest as text. */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Numbered PNG or JPEG frames dropped together, as one clip at the frame rate the user gives.
 * Files are sorted by name in natural order, and decoded one at a time as the analysis pulls them.
 */
export async function openImageSequenceSource(files: NamedBlob[], options: ImageSequenceOptions): Promise<FrameStream> {
  const { fps } = options;
  if (!(Number.isFinite(fps) && fps > 0 && fps <= 1000)) {
    throw new FrameRateNeededError('sequenceFrameRate');
  }
  if (files.length === 0) throw sourceError('noPictures');
  if (files.length === 1) {
    throw sourceError('onePicture');
  }
  const sorted = [...files].sort((a, b) => naturalOrder.compare(a.name ?? '', b.name ?? ''));
  const types: ('image/png' | 'image/jpeg')[] = [];
  for (const f of sorted) {
    const kind = sniffFormat(new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (kind !== 'png' && kind !== 'jpeg') {
      throw sourceError('notAPicture', { name: f.name ?? 'a file', what: kind });
    }
    types.push(kind === 'png' ? 'image/png' : 'image/jpeg');
  }
  const decode: StillLumaDecoder = options.decodeStill ?? ((bytes, type) => decodeJpegLumaBrowser(bytes, type));
  const first = await decodeOne(sorted[0], types[0], decode, 0);
  checkImageSize(first.width, first.height);

  async function* frames(): AsyncGenerator<LumaFrame> {
    for (let i = 0; i < sorted.length; i++) {
      const image = i === 0 ? first : await decodeOne(sorted[i], types[i], decode, i);
      if (image.width !== first.width || image.height !== first.height) {
        throw sourceError('pictureSizes', {
          name: sorted[i].name ?? '',
          width: image.width,
          height: image.height,
          firstName: sorted[0].name ?? '',
          firstWidth: first.width,
          firstHeight: first.height,
        });
      }
      yield { data: image.luma, width: image.width, height: image.height, timestampS: i / fps };
    }
  }
  return {
    info: {
      file: sorted[0].name ?? 'sequence',
      frames: sorted.length,
      fps,
      durationS: sorted.length / fps,
      width: first.width,
      height: first.height,
      codec: types[0] === 'image/png' ? 'PNG sequence' : 'JPEG sequence',
      mmPerPx: null,
      imageRegionPx: null,
    },
    frames: frames(),
  };
}

async function decodeOne(file: NamedBlob, type: 'image/png' | 'image/jpeg', decode: StillLumaDecoder, index: number): Promise<DecodedLuma> {
  try {
    return await decode(new Uint8Array(await file.arrayBuffer()), type);
  } catch (error) {
    throw sourceError('pictureUndecodable', { index: index + 1, name: file.name ?? '', detail: error instanceof Error ? error.message : String(error) });
  }
}
