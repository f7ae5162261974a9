import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/sources/sniffFormat';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffFormat', () => {
  it('recognises each container by its magic bytes', () => {
    expect(sniffFormat(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))).toBe('mp4');
    expect(sniffFormat(bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 2, 0]))).toBe('mov');
    expect(sniffFormat(bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 8], 'mdat'))).toBe('mov');
    expect(sniffFormat(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]))).toBe('webm');
    expect(sniffFormat(bytes('GIF89a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffFormat(bytes('GIF87a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffFormat(bytes('RIFF', [0, 1, 0, 0], 'AVI LIST'))).toBe('avi');
    expect(sniffFormat(bytes('RIFF', [0, 1, 0, 0], 'WAVEfmt '))).not.toBe('avi');
    expect(sniffFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
  });

  it('finds DICOM by DICM at offset 128, and without the preamble by its first element', () => {
    const part10 = new Uint8Array(200);
    part10.set(bytes('DICM'), 128);
    expect(sniffFormat(part10)).toBe('dicom');
    // (0008,0005) CS length 10, explicit VR, no preamble.
    expect(sniffFormat(bytes([0x08, 0, 0x05, 0], 'CS', [10, 0], 'ISO_IR 100'))).toBe('dicom');
    // (0008,0016) implicit VR, 4-byte length 26.
    expect(sniffFormat(bytes([0x08, 0, 0x16, 0, 26, 0, 0, 0], '1.2.840.10008.5.1.4.1.1.6.1'))).toBe('dicom');
  });

  it('tells text, empty and unknown bytes apart', () => {
    expect(sniffFormat(new Uint8Array(0))).toBe('empty');
    expect(sniffFormat(new TextEncoder().encode('Patient notes\r\nNo video here.\n'))).toBe('text');
    expect(sniffFormat(new TextEncoder().encode('Ärztliche Notiz: Muskel zuckt – 3×'))).toBe('text');
    expect(sniffFormat(bytes([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x10]))).toBe('unknown');
    // High bytes that are not valid UTF-8 are binary, not text.
    expect(sniffFormat(bytes('abc', [0xc3, 0x28], 'def'))).toBe('unknown');
  });

  it('a UTF-8 character cut by the end of the sample still reads as text', () => {
    const text = new TextEncoder().encode('x'.repeat(511) + 'é'); // é is 2 bytes: the sample ends mid-character
    expect(sniffFormat(text)).toBe('text');
  });
});
