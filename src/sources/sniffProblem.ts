import type { SniffedFormat } from './sniffFormat';

/**
 * Why a single file of this sniffed format can never be a clip, in plain words; null when it may
 * be one (the decoder then has the last word). One wording for the page's check at pick time and
 * the worker's sources.
 */
export function sniffProblem(format: SniffedFormat, name: string): string | null {
  switch (format) {
    case 'empty':
      return `"${name}" is empty (0 bytes). Choose the file again, or export it again from the scanner.`;
    case 'text':
      return `"${name}" is a text file, not a video file, even if its name ends in a video extension. TwitchScope reads MP4, MOV, WebM, DICOM, AVI and GIF clips.`;
    case 'png':
    case 'jpeg':
      return `"${name}" is a single ${format.toUpperCase()} picture, not a clip. To analyse numbered pictures, choose all of them together and enter their frame rate.`;
    default:
      return null;
  }
}
