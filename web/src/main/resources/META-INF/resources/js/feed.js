// The reporting service's live feed (Server-Sent Events) read with fetch, because EventSource cannot send the
// bearer token. Reconnects after a pause while the page is open.
import { url, headers, SessionExpired } from './api.js';

const RECONNECT_MS = 3000;

export function openFeed(query, { onUpdate, onState }) {
  const control = new AbortController();
  (async () => {
    while (!control.signal.aborted) {
      try {
        const response = await fetch(url('reporting', '/reports/feed', query), {
          headers: await headers({ Accept: 'text/event-stream' }), signal: control.signal,
        });
        if (!response.ok || !response.body) throw new Error(`feed answered ${response.status}`);
        onState(true);
        await readEvents(response.body, onUpdate);
      } catch (e) {
        if (e instanceof SessionExpired || control.signal.aborted) return;
      }
      onState(false);
      await new Promise(resolve => setTimeout(resolve, RECONNECT_MS));
    }
  })();
  return () => control.abort();
}

async function readEvents(body, onUpdate) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r/g, '');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(line => line.startsWith('data:'))
        .map(line => line.slice(5).replace(/^ /, '')).join('\n');
      if (data) onUpdate(JSON.parse(data));
    }
  }
}
