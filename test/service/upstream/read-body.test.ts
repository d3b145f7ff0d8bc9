import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BodyDoesNotInflateError, BodyTooLargeError, inflaterFor, readBody } from '../../../src/service/upstream/read-body';

const streamOf = (...chunks: Buffer[]) => Readable.from(chunks, { objectMode: false });

describe('readBody', () => {
  it('when a character is split across two chunks, then the text is whole', async () => {
    const bytes = Buffer.from('{"name":"Müller ☕"}');
    const split = bytes.indexOf(0xe2) + 1;

    expect(await readBody(streamOf(bytes.subarray(0, split), bytes.subarray(split)), undefined, -1)).toBe('{"name":"Müller ☕"}');
  });

  it.each(['gzip', 'x-gzip', 'deflate', 'br'])('when the body is %s, then it is inflated', async (encoding) => {
    const plain = Buffer.from('{"clientToken":"tok"}');
    const packed = encoding === 'br' ? zlib.brotliCompressSync(plain) : encoding === 'deflate' ? zlib.deflateSync(plain) : zlib.gzipSync(plain);

    expect(await readBody(streamOf(packed), inflaterFor(encoding), 1024)).toBe('{"clientToken":"tok"}');
  });

  it('when the body is exactly at the cap, then it is read; one byte more is refused', async () => {
    await expect(readBody(streamOf(Buffer.alloc(1024, 0x61)), undefined, 1024)).resolves.toHaveLength(1024);
    await expect(readBody(streamOf(Buffer.alloc(1025, 0x61)), undefined, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('when a small gzip inflates past the cap, then it is refused by what it inflates to', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024, 0x20));

    expect(bomb.length).toBeLessThan(1024);
    await expect(readBody(streamOf(bomb), inflaterFor('gzip'), 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('when the gzip is corrupt, then it is refused as a body that does not inflate', async () => {
    await expect(readBody(streamOf(Buffer.from('1f8b0800000000000003ffffffffffffffff', 'hex')), inflaterFor('gzip'), 1024)).rejects.toBeInstanceOf(
      BodyDoesNotInflateError,
    );
  });

  it('when the source fails, then its own error comes back, not a decoding one', async () => {
    const broken = new Readable({ read() {} });
    const reading = readBody(broken, inflaterFor('gzip'), 1024);
    broken.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));

    await expect(reading).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it('when the encoding is unknown or identity, then nothing inflates it', () => {
    expect(inflaterFor(undefined)).toBeUndefined();
    expect(inflaterFor('identity')).toBeUndefined();
  });
});
