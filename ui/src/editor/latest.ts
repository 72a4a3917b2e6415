// "The latest request wins": several answers may be under way for the same
// thing (a layout, a print preview); only the one asked for last may land.

export class Latest {
  private seq = 0;

  /** Starts a request; the function says whether it is still the latest (no later `begin` or `cancel`). */
  begin(): () => boolean {
    const mine = ++this.seq;
    return () => mine === this.seq;
  }

  /** Drops every request under way (their answers are ignored). */
  cancel(): void {
    this.seq++;
  }

  /**
   * Runs `request`; its answer goes to `land` only while it is the latest,
   * and so does its failure to `fail`. Resolves when done either way.
   */
  async run<T>(request: () => Promise<T>, land: (value: T) => void, fail: (e: unknown) => void): Promise<void> {
    const current = this.begin();
    try {
      const value = await request();
      if (current()) land(value);
    } catch (e) {
      if (current()) fail(e);
    }
  }
}
