import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClamdScanner, parseClamdReply } from './clamd-scanner.js';
import { MAX_UPLOAD_BYTES, checkUpload, cleanFilename, detectContentType } from './content-check.js';
import { EICAR, SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, startFakeClamd } from './fake-clamd.test-helper.js';
import { notConfiguredScanner, scannerFor } from './scanner.js';

describe('detectContentType (magic bytes)', () => {
  it('recognises PDF, JPEG and PNG by content', () => {
    expect(detectContentType(SAMPLE_PDF)).toBe('application/pdf');
    expect(detectContentType(SAMPLE_JPEG)).toBe('image/jpeg');
    expect(detectContentType(SAMPLE_PNG)).toBe('image/png');
  });
  it('recognises nothing else (text, GIF, an EXE, an empty file)', () => {
    expect(detectContentType(Buffer.from('hello'))).toBeUndefined();
    expect(detectContentType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(detectContentType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    expect(detectContentType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkUpload', () => {
  it('accepts a PDF named .pdf and declared application/pdf', () => {
    expect(checkUpload({ bytes: SAMPLE_PDF, filename: '納品書.pdf', declaredType: 'application/pdf' })).toEqual({ ok: true, file: { contentType: 'application/pdf', filename: '納品書.pdf', sizeBytes: SAMPLE_PDF.length } });
  });
  it('goes by content, not by the name: a text file named .pdf is unsupported', () => {
    expect(checkUpload({ bytes: Buffer.from('not a pdf'), filename: 'x.pdf', declaredType: 'application/pdf' })).toEqual({ ok: false, problem: 'unsupported_type' });
  });
  it('refuses a mislabelled file (PNG content named .pdf, or declared image/jpeg)', () => {
    expect(checkUpload({ bytes: SAMPLE_PNG, filename: 'photo.pdf' })).toEqual({ ok: false, problem: 'mislabelled' });
    expect(checkUpload({ bytes: SAMPLE_PNG, filename: 'photo.png', declaredType: 'image/jpeg' })).toEqual({ ok: false, problem: 'mislabelled' });
  });
  it('allows a generic declared type and a .jpeg/.jpg name for JPEG', () => {
    expect(checkUpload({ bytes: SAMPLE_JPEG, filename: 'a.JPEG', declaredType: 'application/octet-stream' }).ok).toBe(true);
    expect(checkUpload({ bytes: SAMPLE_JPEG, filename: 'a.jpg' }).ok).toBe(true);
  });
  it('refuses empty and oversized files (limit at the boundary)', () => {
    expect(checkUpload({ bytes: Buffer.alloc(0), filename: 'a.pdf' })).toEqual({ ok: false, problem: 'empty' });
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(100)]);
    expect(checkUpload({ bytes: big, filename: 'a.pdf' }, big.length).ok).toBe(true);
    expect(checkUpload({ bytes: big, filename: 'a.pdf' }, big.length - 1)).toEqual({ ok: false, problem: 'too_large' });
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });
  it('cleans file names (no path, no control characters)', () => {
    expect(cleanFilename('C:\\Users\\x\\evil"<name>.pdf', 'application/pdf')).toBe('evilname.pdf');
    expect(cleanFilename('', 'image/png')).toBe('file.png');
  });
});

describe('scanners', () => {
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  let failing: Awaited<ReturnType<typeof startFakeClamd>>;
  beforeAll(async () => {
    clamd = await startFakeClamd();
    failing = await startFakeClamd({ fail: true });
  });
  afterAll(async () => {
    await clamd.close();
    await failing.close();
  });

  it('the not-configured scanner never claims a file is clean', async () => {
    expect(scannerFor(undefined)).toBe(notConfiguredScanner);
    expect((await notConfiguredScanner.scan(Buffer.from(EICAR))).status).toBe('unscanned');
  });
  it('clamd INSTREAM: a clean file is OK, EICAR is found (also across chunk boundaries)', async () => {
    const scanner = createClamdScanner({ host: '127.0.0.1', port: clamd.port });
    expect(await scanner.scan(SAMPLE_PDF)).toEqual({ status: 'clean', scanner: `clamd@127.0.0.1:${clamd.port}` });
    const infected = await scanner.scan(Buffer.concat([Buffer.alloc(70_000, 0x20), Buffer.from(EICAR)]));
    expect(infected).toMatchObject({ status: 'infected', signature: 'Eicar-Signature' });
    expect(clamd.scanned()).toBe(2);
  });
  it('an ERROR reply or an unreachable clamd is an error, not clean', async () => {
    expect((await createClamdScanner({ host: '127.0.0.1', port: failing.port }).scan(SAMPLE_PDF)).status).toBe('error');
    expect((await createClamdScanner({ host: '127.0.0.1', port: 1, timeoutMs: 2000 }).scan(SAMPLE_PDF)).status).toBe('error');
  });
  it('parses replies', () => {
    expect(parseClamdReply('stream: OK\0', 's').status).toBe('clean');
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND\0', 's')).toMatchObject({ status: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseClamdReply('', 's').status).toBe('error');
  });
});
