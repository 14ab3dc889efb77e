// Bulk writes that overlap with the work of preparing them: at most one statement runs at a time, in order, and
// while the database executes it the application prepares the next (builds rows, hashes audit entries) instead
// of waiting. Ordering is ours, not the driver's: a statement starts only after the previous one has finished.
// Only inside a transaction: a failure aborts it, and is thrown by the next call to next() or drain().

const toEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class OverlappedWrites {
  #current: Promise<unknown> = Promise.resolve();

  /**
   * Waits for the running statement, then starts `start` and returns once it is under way, leaving the caller
   * free to prepare the next one. Its result is not returned: keep it from inside `start` if it is needed.
   */
  async next(start: () => Promise<unknown>): Promise<void> {
    await this.#current;
    const running = start();
    // Observed by the next next()/drain(); never an unhandled rejection in the meantime.
    running.catch(() => undefined);
    this.#current = running;
    // One turn of the event loop: the statement is sent (a large one may not go out in a single write) before
    // the caller goes back to synchronous work.
    await toEventLoop();
  }

  /** Waits for the running statement; throws its failure. */
  async drain(): Promise<void> {
    await this.#current;
  }
}
