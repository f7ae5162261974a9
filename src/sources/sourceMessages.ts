/**
 * Every reason a source gives for refusing a file, in the English the CLI prints, keyed by a
 * code. A SourceError carries the code and its parameters beside the message, so the page can say
 * the same thing in the reader's language (src/ui/i18n: one entry per code, checked by the
 * compiler). Parameters are plain strings and numbers: they cross the worker boundary as data.
 * `detail` parameters are the decoder's or parser's own words, quoted as they are.
 */
export const SOURCE_MESSAGES = {
  noFile: () => 'No file was given.',
  emptyFile: (p: { name: string }) => `"${p.name}" is empty (0 bytes). Choose the file again, or export it again from the scanner.`,
  emptyVideo: (p: { name: string }) => `"${p.name}" is empty (0 bytes). Choose the video file again, or export it again from the scanner.`,
  textFile: (p: { name: string }) =>
    `"${p.name}" is a text file, not a video file, even if its name ends in a video extension. TwitchScope reads MP4, MOV, WebM, DICOM, AVI and GIF clips.`,
  singlePicture: (p: { name: string; format: string }) =>
    `"${p.name}" is a single ${p.format} picture, not a clip. To analyse numbered pictures, choose all of them together and enter their frame rate.`,
  notAPicture: (p: { name: string; what: string }) =>
    `"${p.name}" is not a PNG or JPEG picture (${p.what === 'empty' ? 'it is empty' : `it looks like ${p.what}`}); a picture sequence takes only PNG or JPEG files.`,
  sequenceNeedsPictures: (p: { name: string; what: string }) =>
    `"${p.name}" is not a PNG or JPEG picture (${p.what === 'empty' ? 'it is empty' : `it looks like ${p.what}`}); several files together must all be the numbered pictures of one sequence.`,
  truncatedVideo: (p: { name: string; actual: string; expected: string }) =>
    `"${p.name}" is cut short: the file ends after ${p.actual}, but its own header says it runs to ${p.expected}. The copy is incomplete; copy or export it again.`,
  unreadableVideo: (p: { name: string; detail: string }) =>
    `"${p.name}" could not be read: the file looks truncated or damaged (${p.detail}). Copy or export it again and try once more.`,
  noVideoTrack: (p: { name: string }) => `"${p.name}" has no video track (it holds only audio or subtitles). Choose the ultrasound video itself.`,
  noTracks: (p: { name: string }) => `"${p.name}" holds no playable tracks: the file looks damaged or incomplete. Copy or export it again.`,
  hevc: () => 'This clip is HEVC (H.265), which this browser cannot decode. Export it from the scanner or phone as H.264 MP4 and try again.',
  codecUnsupported: (p: { name: string; codec: string }) =>
    `"${p.name}" uses ${p.codec ? `the ${p.codec.toUpperCase()} video codec` : 'a video codec this app does not know'}, which this browser cannot decode. Export it as H.264 MP4 (or VP9 WebM) and try again.`,
  absurdVideoSize: (p: { name: string; width: number; height: number; max: number }) =>
    `"${p.name}" says its frames are ${p.width} x ${p.height} pixels, which cannot be right for a video (largest accepted: ${p.max} x ${p.max}). The file is probably damaged.`,
  decodingStopped: (p: { name: string; frames: number; atS: number; detail: string }) =>
    `"${p.name}" stopped decoding ${p.frames === 0 ? 'before its first frame' : `after ${p.frames} frames (${p.atS.toFixed(2)} s)`}: the file looks truncated or damaged (${p.detail}). Copy or export it again and try once more.`,
  mp4Index: (p: { name: string; detail: string }) => `"${p.name}" has a damaged index (${p.detail}). Copy or export the clip again.`,
  unreadableAvi: (p: { name: string }) => `"${p.name}" is an AVI file, which this app cannot read yet. This app reads MP4, MOV and WebM video. Export the clip as MP4 and try again.`,
  unreadableDicomVideo: (p: { name: string }) => `"${p.name}" is a DICOM file, but not one this app can read as video. This app reads MP4, MOV and WebM video.`,
  unreadableGif: (p: { name: string }) => `"${p.name}" is a GIF image, not a video this app can read. This app reads MP4, MOV and WebM video.`,
  unreadablePicture: (p: { name: string; format: string }) => `"${p.name}" is a ${p.format} picture, not a video. This app reads MP4, MOV and WebM video.`,
  unreadablePdf: (p: { name: string }) => `"${p.name}" is a PDF document, not a video. This app reads MP4, MOV and WebM video.`,
  unreadableText: (p: { name: string }) =>
    `"${p.name}" is a text file, not a video, even if its name ends in a video extension. This app reads MP4, MOV and WebM video.`,
  unknownFormat: (p: { name: string }) =>
    `"${p.name}" is not a video file this app can read (its contents match no known video format; it may be damaged). This app reads MP4, MOV and WebM video.`,
  // AVI
  aviFrameShort: (p: { bytes: number; needed: number }) => `An AVI frame holds ${p.bytes} bytes where ${p.needed} are needed: the file is damaged.`,
  aviTruncatedFrame: (p: { name: string; frame: number }) => `"${p.name}" stops in the middle of frame ${p.frame}: the file is truncated.`,
  aviFrameUndecodable: (p: { name: string; frame: number; detail: string }) => `Frame ${p.frame} of "${p.name}" could not be decoded; the file looks damaged (${p.detail}).`,
  aviNoFrames: (p: { name: string }) => `"${p.name}" contains no video frames.`,
  aviFormatHeader: (p: { name: string }) => `"${p.name}" has a damaged video format header.`,
  aviBitDepth: (p: { name: string; bits: number }) => `"${p.name}" is an uncompressed AVI with ${p.bits}-bit pixels; TwitchScope reads 8-, 24- and 32-bit ones. Export it as MP4 (H.264).`,
  aviCodec: (p: { name: string; codec: string }) =>
    `"${p.name}" is an AVI with ${p.codec} video, which TwitchScope cannot read (it reads MJPEG and uncompressed AVI). Export it as MP4 (H.264).`,
  notAvi: (p: { name: string }) => `"${p.name}" is not an AVI file.`,
  aviHugeHeader: (p: { name: string; bytes: number }) => `"${p.name}" has an AVI header of ${p.bytes} bytes, far beyond any real one: the file is damaged.`,
  aviNoHeader: (p: { name: string }) => `"${p.name}" is an AVI file without its header: the file is truncated or damaged.`,
  aviNoVideo: (p: { name: string }) => `"${p.name}" is an AVI file without a video stream.`,
  aviNoMovi: (p: { name: string }) => `"${p.name}" is an AVI file without frames: the file is truncated.`,
  aviFrameRate: (p: { name: string }) => `"${p.name}" does not say a usable frame rate: the file is damaged.`,
  // GIF
  gifTooLarge: (p: { name: string; mb: number }) => `"${p.name}" is a GIF of ${p.mb} MB; TwitchScope reads GIFs up to 256 MB. Export the clip as MP4 instead.`,
  gifUnreadable: (p: { name: string; detail: string }) => `"${p.name}" could not be read as a GIF; it looks truncated or damaged (${p.detail}).`,
  gifNoFrames: (p: { name: string }) => `"${p.name}" is a GIF without any frames.`,
  gifFrameUndecodable: (p: { name: string; frame: number; detail: string }) => `Frame ${p.frame} of "${p.name}" could not be decoded; the GIF looks damaged (${p.detail}).`,
  // Picture sequences
  sequenceFrameRate: () => 'Enter the frame rate of the picture sequence: a number of frames per second above 0 and up to 1000.',
  noPictures: () => 'No pictures were given.',
  onePicture: () => 'Only one picture was given. To analyse a sequence, choose all its numbered PNG or JPEG files together.',
  pictureSizes: (p: { name: string; width: number; height: number; firstName: string; firstWidth: number; firstHeight: number }) =>
    `"${p.name}" is ${p.width} x ${p.height} pixels but "${p.firstName}" is ${p.firstWidth} x ${p.firstHeight}: all pictures of a sequence must be the same size.`,
  pictureUndecodable: (p: { index: number; name: string; detail: string }) => `Picture ${p.index} ("${p.name}") could not be decoded; it looks damaged (${p.detail}).`,
  // DICOM
  dicomEmpty: () => 'This file is empty (0 bytes).',
  dicomTooLarge: (p: { mb: number; maxMb: number }) =>
    `This DICOM file is ${p.mb} MB; TwitchScope reads DICOM files up to ${p.maxMb} MB. Export a shorter loop, or export it as an MP4 (H.264) video, which is read piece by piece.`,
  dicomNoPicture: (p: { width: number; height: number }) => `This file says its images are ${p.width} x ${p.height} pixels, which is not a picture. The file is damaged.`,
  dicomHugePicture: (p: { width: number; height: number; max: number }) =>
    `This file says its images are ${p.width} x ${p.height} pixels; TwitchScope reads up to ${p.max} pixels a side. The file is damaged or not an ultrasound clip.`,
  dicomUnparsable: (p: { detail: string }) => `This file could not be read as DICOM; it looks truncated or damaged (${p.detail}).`,
  dicomNoPixelData: () => 'This DICOM file contains no images (no Pixel Data): it may be a report or a structured document.',
  dicomPixelDataCut: () => 'The images of this DICOM file are cut off: the file is truncated.',
  dicomPhotometric: (p: { photometric: string }) =>
    `This DICOM file stores its images as "${p.photometric || 'unspecified'}" colour, which TwitchScope cannot read (it reads MONOCHROME, RGB, YBR_FULL, YBR_FULL_422 and PALETTE COLOR).`,
  dicomSamples: (p: { photometric: string; samples: number; expected: number }) =>
    `This DICOM file says ${p.photometric} images have ${p.samples} samples per pixel (expected ${p.expected}): the file is damaged.`,
  dicomBits: (p: { signed: boolean; bits: number; photometric: string }) =>
    `This DICOM file stores ${p.signed ? 'signed ' : ''}${p.bits}-bit ${p.photometric} pixels; TwitchScope reads unsigned 8-bit images (and 16-bit greyscale or palette images).`,
  dicomOdd422: () => 'This DICOM file stores YBR_FULL_422 images with an odd width, which the standard does not allow: the file is damaged.',
  dicomFrameCount: () => 'This DICOM file gives no readable Number of Frames: the file is damaged.',
  dicomZeroFrames: () => 'This DICOM file contains zero frames.',
  dicomNoFragments: () => 'This DICOM file contains no compressed frames: it is truncated or damaged.',
  dicomOffsetTable: (p: { listed: number; frames: number }) => `This DICOM file lists ${p.listed} frames in its offset table but says it has ${p.frames}: the file is damaged.`,
  dicomJpegCount: (p: { held: number; frames: number }) => `This DICOM file holds ${p.held} JPEG frames but says it has ${p.frames}: the file is damaged.`,
  dicomRleFragments: (p: { frames: number; fragments: number }) =>
    `This DICOM file splits ${p.frames} RLE frames over ${p.fragments} fragments without an offset table: the file is damaged.`,
  dicomNativeButEncapsulated: () => 'This DICOM file says its images are uncompressed but stores them compressed: the file is damaged.',
  dicomNativeShort: (p: { frames: number; whole: number }) => `This DICOM file says it has ${p.frames} frames but holds image data for ${p.whole}: the file is truncated.`,
  dicomEncapsulatedButNative: () => 'This DICOM file says its images are compressed but stores them uncompressed: the file is damaged.',
  dicomFrameUnreadable: (p: { frame: number; detail: string }) => `Frame ${p.frame} of this DICOM file could not be read; the file looks truncated or damaged (${p.detail}).`,
  dicomSegmentedPalette: () => 'This DICOM file uses a segmented colour palette, which TwitchScope cannot read. Export it as MONOCHROME or RGB.',
  dicomNoPalette: () => 'This DICOM file says its images use a colour palette but does not contain the palette. The file is damaged.',
  dicomPaletteCut: () => 'The colour palette of this DICOM file is cut off: the file is truncated.',
  dicomPaletteShort: () => 'The colour palette of this DICOM file is shorter than it says. The file is damaged.',
  dicomFrameCut: () => 'A frame of this DICOM file is cut short: the file is truncated.',
  dicomVideoInside: (p: { what: string }) =>
    `This DICOM file holds ${p.what}, which TwitchScope does not read inside DICOM. Export the loop from the scanner as MP4 (H.264), or as DICOM with uncompressed, RLE or JPEG Baseline images.`,
  dicomTransferSyntax: (p: { what: string; uid: string }) =>
    `This DICOM file uses the ${p.what || `unrecognised transfer syntax ${p.uid}`} encoding, which TwitchScope cannot read. Export it again as uncompressed, RLE Lossless or JPEG Baseline DICOM, or as an MP4 (H.264) video.`,
  dicomJpegUndecodable: (p: { frame: number; detail: string }) => `JPEG frame ${p.frame} of this DICOM file could not be decoded; the file looks damaged (${p.detail}).`,
  dicomJpegSize: (p: { frame: number; width: number; height: number; fileWidth: number; fileHeight: number }) =>
    `JPEG frame ${p.frame} of this DICOM file is ${p.width} x ${p.height} pixels but the file says ${p.fileWidth} x ${p.fileHeight}: the file is damaged.`,
  dicomUntimed: () =>
    'This DICOM file does not say how fast its frames were recorded (no Frame Time, Frame Time Vector or Cine Rate). Enter the frame rate to open it.',
  rleShortHeader: () => 'An RLE-compressed DICOM frame is shorter than its 64-byte header: the file is truncated or damaged.',
  rleSegments: (p: { segments: number; expected: number }) => `An RLE-compressed DICOM frame has ${p.segments} segments where its image needs ${p.expected}: the file is damaged.`,
  rleOutside: () => 'An RLE-compressed DICOM frame points outside itself: the file is truncated or damaged.',
  rleShortOutput: (p: { decoded: number; pixels: number }) => `An RLE-compressed DICOM frame decodes to ${p.decoded} of its ${p.pixels} pixels: the file is truncated or damaged.`,
} satisfies Record<string, (p: never) => string>;

export type SourceErrorCode = keyof typeof SOURCE_MESSAGES;
/** The parameters a code's message takes (an empty object for messages without any). */
export type SourceErrorParams<C extends SourceErrorCode> = Parameters<(typeof SOURCE_MESSAGES)[C]> extends [infer P] ? P : Record<string, never>;

/** The English message for a code, as the CLI prints it. */
export function sourceMessage<C extends SourceErrorCode>(code: C, params: SourceErrorParams<C>): string {
  return (SOURCE_MESSAGES[code] as (p: SourceErrorParams<C>) => string)(params);
}
