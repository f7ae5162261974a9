import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../../src/analysis/AnalysisOptions';
import { CLASS_KINDS, decideKind } from '../../../src/analysis/Classifier';
import { resolveGeometry } from '../../../src/analysis/resolveGeometry';
import { setLanguage } from '../../../src/ui/i18n/i18n';
import { en } from '../../../src/ui/i18n/en/en';
import { es } from '../../../src/ui/i18n/es/es';
import { knownMessageWords, reasonWords, warningWords } from '../../../src/ui/i18n/knownMessageWords';

/** The message a call throws, as the worker would pass it on. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a throw');
}

describe('knownMessageWords: the analysis core\'s own sentences in the reader\'s language', () => {
  it('recognises the options check\'s messages, made by the real validateOptions', () => {
    setLanguage('es', ['es-ES']);
    const range = thrown(() => validateOptions({ zThreshold: -1 }));
    expect(knownMessageWords(range)?.(es)).toMatch(/^La opción zThreshold debe ser un número de .+ a .+; se recibió -1\.$/);
    expect(knownMessageWords(thrown(() => validateOptions({ mmPerPx: 20 })))?.(es)).toBe('La escala (mm por px) debe ser mayor que 0 y menor que 10; se recibió 20.');
    expect(knownMessageWords(thrown(() => validateOptions({ roiPx: { x: -1, y: 0, width: 10, height: 10 } })))?.(es)).toMatch(/^La región de imagen debe darse en píxeles enteros/);
    setLanguage('en');
  });
  it('recognises a region too small to analyse (resolveGeometry)', () => {
    const frame = { data: new Uint8Array(64 * 48), width: 64, height: 48, timestampS: 0 };
    const message = thrown(() => resolveGeometry(frame, { px: 16, mm: 1.4 }, { x: 0, y: 0, width: 40, height: 40 }, 'user', null, 40));
    expect(knownMessageWords(message)?.(es)).toBe('La región de imagen (40×40 px) es demasiado pequeña para analizarla: debe medir al menos 64 px por lado.');
    expect(knownMessageWords(message)?.(en)).toBe('The image region (40×40 px) is too small to analyse: it must be at least 64 px on each side.');
  });
  it('words every kind\'s reason the classifier gives (decideKind), in both languages', () => {
    for (let k = 0; k < CLASS_KINDS.length; k++) {
      const p = new Float32Array(CLASS_KINDS.length).fill(0.01);
      p[k] = 0.96;
      const { reason } = decideKind(p, 0.5);
      const spanish = reasonWords(reason)(es);
      expect(spanish, `reason "${reason}"`).not.toBe(reason);
      expect(reasonWords(reason)(en)).toBe(reason);
    }
  });
  it('words the warnings, numbers in the reader\'s locale; a sentence it does not know stays as it is', () => {
    setLanguage('es', ['es-ES']);
    const warning = 'Only 3.2 s of motion-free video was found to learn the noise level (at least 5 s is advised), so thresholds may be unreliable. Record longer at rest, or add a baseline clip of relaxed muscle.';
    expect(warningWords(warning)(es)).toMatch(/^Solo se hallaron 3,2 s de vídeo sin movimiento .* al menos 5 s/);
    expect(warningWords('Something new.')(es)).toBe('Something new.');
    expect(knownMessageWords('Something new.')).toBeNull();
    setLanguage('en');
  });
});
