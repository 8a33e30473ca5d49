const encoder = new TextEncoder();

/** UTF-8 bytes of a text, cut at a character boundary so that they fit in `maxBytes`. */
export function utf8Truncated(text: string, maxBytes: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  // Continuation bytes look like 10xxxxxx: back up to the start of the character they belong to.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** A growing little-endian byte buffer: the system file's writers append to it in order. */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  int32(value: number): this {
    this.reserve(4);
    this.view.setInt32(this.length, value, true);
    this.length += 4;
    return this;
  }

  float64(value: number): this {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Text as UTF-8, cut or padded with spaces to exactly `size` bytes. */
  padded(text: string, size: number): this {
    const data = utf8Truncated(text, size);
    this.bytes(data);
    return this.spaces(size - data.length);
  }

  spaces(count: number): this {
    return this.bytes(new Uint8Array(count).fill(0x20));
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
