import type { PsfSpec } from './ClipSpec';
import type { CalfAnatomy } from './createCalfAnatomy';
import { createRandom, deriveSeed } from './createRandom';

/** The simulated tissue as complex (IQ) echo fields on a pixel grid larger than the image. */
export interface SpeckleFields {
  widthPx: number;
  heightPx: number;
  /** Extra pixels on every side so moved tissue can be sampled from outside the image. */
  marginPx: number;
  /** In-plane echo: what the probe sees of the tissue at rest. */
  re: Float32Array;
  im: Float32Array;
  /** Same tissue, independent scatterers: mixed in to model out-of-plane (elevational) motion. */
  re2: Float32Array;
  im2: Float32Array;
  axialSigmaPx: number;
  lateralSigmaPx: number;
}

/**
 * Coherent speckle the way a scanner forms it: every grid cell holds a scatterer with a random
 * complex amplitude (circular Gaussian: the sum of many sub-resolution scatterers with random
 * phase), scaled by the tissue's echogenicity; the field is convolved with a separable Gaussian
 * point-spread function. Envelope detection comes later (|IQ|). Because the PSF spans many cells
 * this gives fully developed speckle (Rayleigh envelope; Wagner 1983, IEEE Trans Sonics 30:156).
 *
 * PSF widths for a linear probe at f MHz (c = 1540 m/s, wavelength = 1.54/f mm): axial FWHM about
 * 1.5 wavelengths (a three-cycle pulse, half its length), lateral FWHM about wavelength x F-number 5
 * (Szabo, Diagnostic Ultrasound Imaging, 2nd ed., ch. 7). At 7.5 MHz: 0.31 mm axial, 1.0 mm lateral.
 * `psf` varies both (domain randomisation of the benchmark); the default is the values above.
 *
 * Moving the tissue by less than the PSF is equivalent to moving this convolved field (the PSF is
 * shift-invariant), which is why motion is applied later by warping these fields, not by
 * re-convolving each frame.
 */
export function buildSpeckleFields(
  anatomy: CalfAnatomy,
  imageWidthPx: number,
  imageHeightPx: number,
  mmPerPx: number,
  probeMHz: number,
  marginPx: number,
  seed: number,
  psf: PsfSpec = { axialWavelengths: 1.5, lateralFNumber: 5 },
): SpeckleFields {
  const widthPx = imageWidthPx + 2 * marginPx;
  const heightPx = imageHeightPx + 2 * marginPx;
  const n = widthPx * heightPx;
  const power = new Float32Array(n);
  for (let j = 0; j < heightPx; j++) {
    const zMm = (j - marginPx + 0.5) * mmPerPx;
    for (let i = 0; i < widthPx; i++) {
      power[j * widthPx + i] = anatomy.echogenicity((i - marginPx + 0.5) * mmPerPx, zMm);
    }
  }
  splatDots(anatomy, power, widthPx, heightPx, marginPx, mmPerPx);

  const wavelengthMm = 1.54 / probeMHz;
  const fwhmToSigma = 1 / (2 * Math.sqrt(2 * Math.log(2)));
  // At least one pixel: a field sampled more coarsely than its PSF could not be warped smoothly.
  const axialSigmaPx = Math.max(1, (psf.axialWavelengths * wavelengthMm * fwhmToSigma) / mmPerPx);
  const lateralSigmaPx = Math.max(1, (psf.lateralFNumber * wavelengthMm * fwhmToSigma) / mmPerPx);

  const rng = createRandom(deriveSeed(seed, 'scatterers'));
  const make = (): [Float32Array, Float32Array] => {
    const re = new Float32Array(n);
    const im = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const a = Math.sqrt(power[k] * 0.5);
      re[k] = a * rng.normal();
      im[k] = a * rng.normal();
    }
    convolveSeparable(re, widthPx, heightPx, gaussianKernel(lateralSigmaPx), gaussianKernel(axialSigmaPx));
    convolveSeparable(im, widthPx, heightPx, gaussianKernel(lateralSigmaPx), gaussianKernel(axialSigmaPx));
    return [re, im];
  };
  const [re, im] = make();
  const [re2, im2] = make();
  return { widthPx, heightPx, marginPx, re, im, re2, im2, axialSigmaPx, lateralSigmaPx };
}

function splatDots(anatomy: CalfAnatomy, power: Float32Array, w: number, h: number, marginPx: number, mmPerPx: number): void {
  for (const d of anatomy.dots) {
    const cx = d.xMm / mmPerPx + marginPx - 0.5;
    const cz = d.zMm / mmPerPx + marginPx - 0.5;
    const s = d.sigmaMm / mmPerPx;
    const r = Math.ceil(3 * s);
    for (let j = Math.max(0, Math.floor(cz - r)); j <= Math.min(h - 1, Math.ceil(cz + r)); j++) {
      for (let i = Math.max(0, Math.floor(cx - r)); i <= Math.min(w - 1, Math.ceil(cx + r)); i++) {
        const q = ((i - cx) ** 2 + (j - cz) ** 2) / (s * s);
        power[j * w + i] += d.power * Math.exp(-0.5 * q);
      }
    }
  }
}

/** Gaussian kernel normalised to unit energy (sum of squares 1) so echo power equals echogenicity. */
export function gaussianKernel(sigmaPx: number): Float32Array {
  const r = Math.ceil(3 * sigmaPx);
  const k = new Float32Array(2 * r + 1);
  let energy = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp((-0.5 * i * i) / (sigmaPx * sigmaPx));
    k[i + r] = v;
    energy += v * v;
  }
  const scale = 1 / Math.sqrt(energy);
  for (let i = 0; i < k.length; i++) k[i] *= scale;
  return k;
}

/** In-place separable convolution with edge clamping (rows with kx, then columns with ky). */
export function convolveSeparable(data: Float32Array, w: number, h: number, kx: Float32Array, ky: Float32Array): void {
  const rx = (kx.length - 1) / 2;
  const ry = (ky.length - 1) / 2;
  const line = new Float32Array(Math.max(w, h));
  for (let j = 0; j < h; j++) {
    const row = j * w;
    for (let i = 0; i < w; i++) line[i] = data[row + i];
    for (let i = 0; i < w; i++) {
      let s = 0;
      for (let t = -rx; t <= rx; t++) {
        const ii = i + t < 0 ? 0 : i + t >= w ? w - 1 : i + t;
        s += kx[t + rx] * line[ii];
      }
      data[row + i] = s;
    }
  }
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < h; j++) line[j] = data[j * w + i];
    for (let j = 0; j < h; j++) {
      let s = 0;
      for (let t = -ry; t <= ry; t++) {
        const jj = j + t < 0 ? 0 : j + t >= h ? h - 1 : j + t;
        s += ky[t + ry] * line[jj];
      }
      data[j * w + i] = s;
    }
  }
}
