/**
 * One decoded frame reduced to its luma (Y) plane: the only thing every frame source
 * (WebCodecs, DICOM, ffmpeg, the simulator) must produce. B-mode ultrasound is grey by
 * nature, so luma carries all of the signal and a quarter of RGBA's bytes.
 */
export interface LumaFrame {
  /** Row-major 8-bit luma, exactly `width * height` bytes (no stride padding). */
  data: Uint8Array;
  width: number;
  height: number;
  /** Presentation time from the container (never index / fps: variable frame rate is real). */
  timestampS: number;
}

/** A rectangle in the clip's own pixel coordinates. */
export interface RectPx {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a source knows about a clip before (or while) decoding it. */
export interface ClipInfo {
  file: string;
  /** Frame count when the container says so, else null until decoding ends. */
  frames: number | null;
  fps: number | null;
  durationS: number | null;
  width: number;
  height: number;
  codec: string | null;
  /** Physical scale when the file carries one (DICOM ultrasound regions), else null. */
  mmPerPx: number | null;
  /** Image region when the file says where the tissue image is (DICOM), else null. */
  imageRegionPx: RectPx | null;
}
