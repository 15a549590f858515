/**
 * Where the report goes, written as it is made: a report of millions of findings never has to
 * fit in one string or in memory. Writing stops at the first failure, which is kept so the run
 * can end the way Unix tools do (see `main`).
 */
export interface Output {
  /** Adds text; when enough has gathered, returns a promise to await before writing more. */
  write(text: string): Promise<void> | undefined;
  /** Writes what has gathered and waits until the stream has taken it. */
  flush(): Promise<void>;
  /** The first write error (EPIPE when the reader went away, ENOSPC when the disk is full). */
  readonly failure: NodeJS.ErrnoException | undefined;
}

/** About the size of a pipe's buffer: few enough writes to be cheap, small enough to stream. */
const CHUNK = 64 * 1024;

export function createOutput(stream: NodeJS.WritableStream): Output {
  let failure: NodeJS.ErrnoException | undefined;
  let pending = '';
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failure ??= error;
  });

  async function flush(): Promise<void> {
    if (failure || pending === '') return;
    const chunk = pending;
    pending = '';
    const accepted = stream.write(chunk);
    await new Promise<void>((resolve) => {
      if (accepted) {
        // A turn of the event loop, so an error from this write is seen before the next one.
        setImmediate(resolve);
        return;
      }
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
      stream.on('close', done);
    });
  }

  return {
    write(text) {
      if (failure) return undefined;
      pending += text;
      return pending.length >= CHUNK ? flush() : undefined;
    },
    flush,
    get failure() {
      return failure;
    },
  };
}
