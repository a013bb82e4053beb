/**
 * Server-Sent Events over `fetch`, so a stream can carry the same headers
 * (e.g. `Authorization`) as every other request, which `EventSource` cannot.
 * Reconnects with backoff and resumes from the last event id.
 */

export interface StreamEvent {
  event: string;
  data: string;
  id: string;
}

/** Splits a `text/event-stream` body into events (per the HTML spec's parsing rules). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent & {retry?: number}> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id = '';
  let retry: number | undefined;
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, {stream: true});
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // A "\r" at the end may be the first half of "\r\n": wait for the next chunk.
        if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) yield {event: event || 'message', data: data.join('\n'), id, retry};
          event = '';
          data = [];
          retry = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
        else if (field === 'id' && !text.includes('\u0000')) id = text;
        else if (field === 'retry' && /^\d+$/.test(text)) retry = Number(text);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export interface EventStreamOptions {
  /** Where to resume from: the change token of the last list answer, sent as Last-Event-ID. */
  lastEventId?: string;
  headers: () => Promise<Headers>;
  credentials: RequestCredentials;
  fetch: typeof fetch;
  onEvent(event: StreamEvent): void;
  /** Called when the server does not offer the stream (an error status); polling takes over. */
  onUnavailable(): void;
}

/**
 * Keeps a stream open until `signal` aborts, through lost connections and
 * server failures. Anything else (from `headers`, `onEvent`, or a `fetch`
 * that fails in another way than the network does) is not caught: the
 * returned promise rejects with it.
 */
export async function followEventStream(url: string, signal: AbortSignal, options: EventStreamOptions): Promise<void> {
  let lastId = options.lastEventId ?? '';
  let delay = 1000;
  // fetch() and reading its body reject with a TypeError when the connection fails or breaks.
  const lost = (error: unknown) => {
    if (signal.aborted || error instanceof TypeError) return undefined;
    throw error;
  };
  while (!signal.aborted) {
    const headers = await options.headers();
    headers.set('Accept', 'text/event-stream');
    if (lastId) headers.set('Last-Event-ID', lastId);
    const response = await options.fetch(url, {headers, credentials: options.credentials, signal, cache: 'no-store'}).catch(lost);
    const isStream = response?.headers.get('Content-Type')?.includes('text/event-stream');
    // Not a stream (a 4xx, or a proxy's page answered 200): the server does not offer one here.
    if (response && ((response.status >= 400 && response.status < 500) || (response.ok && !isStream))) return options.onUnavailable();
    // A 5xx is tried again like a lost connection.
    if (response?.ok && response.body) {
      delay = 1000;
      const events = readEvents(response.body);
      for (;;) {
        // Only reading is guarded: what `onEvent` throws is not the connection's failure.
        const next = await events.next().catch(lost);
        if (!next || next.done) break;
        const event = next.value;
        if (event.id) lastId = event.id;
        if (event.retry !== undefined) delay = event.retry;
        options.onEvent(event);
      }
    }
    // The connection ended or failed: wait, then resume from the last event.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay * (0.75 + Math.random() * 0.5));
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), {once: true});
    });
    delay = Math.min(delay * 2, 30_000);
  }
}
