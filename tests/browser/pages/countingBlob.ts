/** Every byte a reader took from a file, how many reads, and the largest single read. */
export interface ReadStats {
  fileBytes: number;
  bytesRead: number;
  reads: number;
  largestReadBytes: number;
}

/**
 * The same file, counting what is read from it: for the bench's proof that a 2 GB clip is
 * streamed (read once, in small pieces, as the analysis goes), never loaded whole. Built from the
 * file's own data (a Blob made of a File references it, nothing is copied), so the sources see a
 * real Blob; every slice counts into the same stats, through arrayBuffer() and stream() alike,
 * which are how mediabunny's BlobSource and our header checks read.
 */
export function countingBlob(file: Blob & { name?: string }, stats: ReadStats): Blob & { name?: string } {
  stats.fileBytes = file.size;
  const count = (bytes: number): void => {
    stats.bytesRead += bytes;
    stats.reads++;
    stats.largestReadBytes = Math.max(stats.largestReadBytes, bytes);
  };
  class CountingBlob extends Blob {
    override slice(start?: number, end?: number, contentType?: string): Blob {
      return new CountingBlob([super.slice(start, end, contentType)]);
    }
    override async arrayBuffer(): Promise<ArrayBuffer> {
      const buffer = await super.arrayBuffer();
      count(buffer.byteLength);
      return buffer;
    }
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      return super.stream().pipeThrough(
        new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
          transform(chunk, controller) {
            count(chunk.byteLength);
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  return Object.assign(new CountingBlob([file], { type: file.type }), { name: file.name });
}
