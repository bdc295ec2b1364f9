import { describe, expect, it } from 'vitest';
import { extensionOf, isInlineImage, sniffEvidenceType } from '../../src/evidence/file-types.ts';
import { sampleBytes, tinyPng } from '../support/evidence-bytes.ts';

describe('evidence types are read from the bytes', () => {
  it('recognises JPEG, PNG, WEBP, GIF, HEIC and PDF by their magic numbers', () => {
    expect(sniffEvidenceType(sampleBytes.jpeg())).toBe('image/jpeg');
    expect(sniffEvidenceType(sampleBytes.png())).toBe('image/png');
    expect(sniffEvidenceType(tinyPng)).toBe('image/png');
    expect(sniffEvidenceType(sampleBytes.webp())).toBe('image/webp');
    expect(sniffEvidenceType(sampleBytes.gif())).toBe('image/gif');
    expect(sniffEvidenceType(sampleBytes.heic())).toBe('image/heic');
    expect(sniffEvidenceType(sampleBytes.pdf())).toBe('application/pdf');
  });

  it('finds a PDF header after a little junk, as readers tolerate', () => {
    expect(sniffEvidenceType(new Uint8Array([0x0a, 0x0d, ...Buffer.from('%PDF-1.4')]))).toBe('application/pdf');
  });

  it('refuses what only claims to be a photo: HTML, SVG, scripts, executables, archives, empty or truncated files', () => {
    for (const text of ['<html><script>alert(1)</script>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '#!/bin/sh\nrm -rf /', 'MZ\u0090\u0000', 'PK\u0003\u0004', '']) {
      expect(sniffEvidenceType(new Uint8Array(Buffer.from(text, 'latin1')))).toBeNull();
    }
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffEvidenceType(new Uint8Array([...Buffer.from('RIFF....WAVE')]))).toBeNull();
  });

  it('draws only the images every browser draws; HEIC and PDF are downloads', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'image/gif'].every((t) => isInlineImage(t as 'image/png'))).toBe(true);
    expect(isInlineImage('image/heic')).toBe(false);
    expect(isInlineImage('application/pdf')).toBe(false);
    expect(extensionOf('image/jpeg')).toBe('jpg');
  });
});
