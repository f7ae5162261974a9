import { describe, expect, it } from 'vitest';
import { FrameRateNeededError } from '../../../src/sources/FrameRateNeededError';
import { sourceError } from '../../../src/sources/SourceError';
import { describeError, isCancellation } from '../../../src/ui/describeError';
import { en } from '../../../src/ui/i18n/en/en';
import { es } from '../../../src/ui/i18n/es/es';
import { WordedError } from '../../../src/ui/i18n/WordedError';

describe('describeError', () => {
  it('passes clinician-ready messages through as they are', () => {
    const clipError = { name: 'ClipError', message: '"a.mp4" is not a video file.' };
    expect(describeError(clipError, 'a.mp4')(en)).toBe('"a.mp4" is not a video file.');
    expect(describeError(new RangeError('Option zThreshold must be a number from 1 to 100; got 0.'), null)(en)).toMatch(/zThreshold/);
  });
  it('words a coded source error in the reader\'s language, English as the CLI says it', () => {
    // As it arrives from the worker: a plain Error with the code and parameters copied on.
    const error = sourceError('textFile', { name: 'notes.mp4' });
    const arrived = Object.assign(new Error(error.message), { name: error.name, code: error.code, params: error.params });
    expect(describeError(arrived, 'notes.mp4')(en)).toBe(error.message);
    expect(describeError(arrived, 'notes.mp4')(es)).toBe(
      '«notes.mp4» es un archivo de texto, no de vídeo, aunque su nombre acabe en una extensión de vídeo. TwitchScope lee vídeos MP4, MOV, WebM, DICOM, AVI y GIF.',
    );
  });
  it('keeps the source\'s words for a missing frame rate and says where to type it', () => {
    const needed = new FrameRateNeededError('dicomUntimed');
    expect(describeError(needed, 'cine.dcm')(en)).toBe(`${needed.message} Type it in “Frame rate (fps)” under the clip, then press Analyze.`);
    expect(describeError(needed, 'cine.dcm')(es)).toMatch(/^Este archivo DICOM no indica .* Escríbala en «Fotogramas por segundo \(fps\)»/);
  });
  it('turns decoder errors into advice', () => {
    expect(describeError({ name: 'NotSupportedError', message: 'codec' }, 'x.mov')(en)).toMatch(/H\.264/);
    expect(describeError({ name: 'NotSupportedError', message: 'codec' }, 'x.mov')(es)).toMatch(/^Este navegador no puede decodificar «x\.mov»/);
  });
  it('names the file for unexpected errors', () => {
    expect(describeError(new TypeError('boom'), 'clip.mp4')(en)).toBe('Something went wrong while analysing "clip.mp4": boom.');
    expect(describeError(new TypeError('boom'), 'clip.mp4')(es)).toBe('Algo ha fallado al analizar «clip.mp4»: boom.');
  });
  it('shows the page\'s own errors in their words', () => {
    const error = new WordedError((m) => m.inputs.badConfidence('2'));
    expect(error.message).toBe('The confidence threshold must be a number from 0 to 1 (for example 0.5); "2" is not.');
    expect(describeError(error, null)(es)).toBe('El umbral de confianza debe ser un número de 0 a 1 (por ejemplo 0,5); «2» no lo es.');
  });
  it('knows a cancellation from an error', () => {
    expect(isCancellation({ name: 'AnalysisCancelledError', message: 'The analysis was cancelled.' })).toBe(true);
    expect(isCancellation(new Error('x'))).toBe(false);
  });
});
