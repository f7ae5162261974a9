import jpeg from 'jpeg-js';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';
import { dicomFile, encapsulatedPixelData, imageElements, TS, ultrasoundRegion, type DicomElement } from '../../scripts/dicom/dicomWriter';

/**
 * A JPEG Baseline DICOM cine of the demo's simulated calf (`durationS` at 30 fps, 640 x 480),
 * with Frame Time and an ultrasound region giving the scale: the first event seed that puts at
 * least two twitches after the first second. Returns the file's bytes and the simulation's truth.
 */
export function simulatedCalfDicom(durationS: number): { bytes: Uint8Array; mmPerPx: number; fasciculationsS: number[] } {
  const base = { durationS, fps: 30, screenWidthPx: 640, screenHeightPx: 480, depthMm: 40, anatomySeed: 2024, fasciculations: { ratePerMin: 40, amplitudeMm: { min: 0.3, max: 0.5 }, radiusMm: { min: 3.5, max: 5.5 } } };
  let eventSeed = 1;
  while (createSimulatedClip({ ...base, eventSeed }).truth.fasciculations.filter((f) => f.onsetS > 1).length < 2) eventSeed++;
  const clip = createSimulatedClip({ ...base, eventSeed });
  const { imageBoxPx: box, mmPerPx } = clip.truth;
  const jpegs: Uint8Array[] = [];
  for (const frame of clip.frames()) {
    const rgba = new Uint8Array(frame.width * frame.height * 4);
    frame.data.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
    jpegs.push(new Uint8Array(jpeg.encode({ data: rgba, width: frame.width, height: frame.height }, 95).data));
  }
  const ds: DicomElement[] = [
    ...imageElements({ width: clip.widthPx, height: clip.heightPx, frames: jpegs.length, photometric: 'YBR_FULL_422', samplesPerPixel: 3 }),
    { tag: 0x00181063, vr: 'DS', value: (1000 / clip.spec.fps).toFixed(4) },
    { tag: 0x00186011, vr: 'SQ', value: [ultrasoundRegion({ x0: box.x, y0: box.y, x1: box.x + box.width - 1, y1: box.y + box.height - 1, dxCm: mmPerPx / 10, dyCm: mmPerPx / 10 })] },
  ];
  return { bytes: dicomFile(TS.jpegBaseline, ds, encapsulatedPixelData(jpegs, true)), mmPerPx, fasciculationsS: clip.truth.fasciculations.map((f) => f.onsetS) };
}
