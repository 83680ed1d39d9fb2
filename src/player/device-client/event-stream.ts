/** A client for the player's Server-Sent Events (used by tests and benchmarks): collects events and waits for the one expected. */
export class EventStream<T = unknown> {
  readonly events: { event: string; data: T }[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  status = 0;

  static async open<T>(url: string, token: string): Promise<EventStream<T>> {
    const stream = new EventStream<T>();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: stream.controller.signal });
    stream.status = response.status;
    if (response.ok && response.body) void stream.read(response.body);
    return stream;
  }

  /** Resolves with the first event (already received from index `from`, or still to come) that matches. */
  async next(match: (data: T) => boolean, options: { timeoutMs?: number; from?: number } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 3000;
    const started = Date.now();
    let seen = options.from ?? 0;
    for (;;) {
      for (; seen < this.events.length; seen++) if (match(this.events[seen].data)) return this.events[seen].data;
      const remaining = timeoutMs - (Date.now() - started);
      if (remaining <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.data))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) as T });
        }
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch {
      // aborted
    }
  }
}
