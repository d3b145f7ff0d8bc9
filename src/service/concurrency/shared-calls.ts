// Concurrent calls with the same key share one in-flight promise, so a double click makes one Primer call, not two.
export class SharedCalls<T> {
  readonly #pending = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending;
    // Forgotten once settled, success or failure, so a later call starts afresh.
    const started = Promise.resolve()
      .then(work)
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, started);
    return started;
  }
}
