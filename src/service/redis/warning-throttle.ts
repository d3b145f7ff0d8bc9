// Lets one warning through per interval and counts the ones held back, so an outage logs a line a minute, not one per request.
export class WarningThrottle {
  #nextAt = -Infinity;
  #held = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  // The number held back since the last warning let through, or undefined when this one is held back too.
  admit(): number | undefined {
    const now = this.now();
    if (now < this.#nextAt) {
      this.#held += 1;
      return undefined;
    }
    const held = this.#held;
    this.#held = 0;
    this.#nextAt = now + this.intervalMs;
    return held;
  }
}
