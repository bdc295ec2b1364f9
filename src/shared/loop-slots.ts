/**
 * Hands out one slot per turn of the event loop, in arrival order. Work that would otherwise run
 * back to back on the one thread waits here for its slot, so that between two slices of it the loop
 * reads whatever I/O has arrived meanwhile.
 *
 * Why the chat channels need it: a turn is tens of milliseconds of computing (retrieval, answer
 * composition) and SQLite answers synchronously, so a turn awaits nothing that yields until it
 * sends. Eight turns started together ran as one uninterrupted block of several hundred
 * milliseconds on a loaded machine, while the platform's answers to earlier sends sat unread in
 * their sockets: the record of a send came that long after the platform had taken it, and a crash
 * in between sent it again (the chaos tool's "avoidable" duplicates). One turn per loop iteration
 * bounds that delay by a single turn's work.
 */
export class LoopSlots {
  private last: Promise<void> = Promise.resolve();

  /** Resolves in a later turn of the event loop than the slot before it (I/O is polled in between). */
  next(): Promise<void> {
    const slot = this.last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.last = slot;
    return slot;
  }
}

/**
 * The process's one queue: every turn's computing, on every channel and the web chat, shares the
 * one event loop, so it takes its slots here (the engine before it routes a message).
 */
export const processLoopSlots = new LoopSlots();
