// Runs the work for one key after the work queued before it for that key has settled, so two states of one payment
// are never forwarded side by side (the order service must never see SETTLED, then AUTHORIZED).
export class OneAtATime {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const started = previous.then(work);
    const tail = started.then(noop, noop);
    this.#tails.set(key, tail);
    // Forgotten once the last queued work settled, so the map holds only payments being forwarded now.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return started;
  }
}

function noop(): void {}
