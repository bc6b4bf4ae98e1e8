// The agent's live connection: reconnects by itself (1 s, 2 s … at most 15 s) and tells the server the last sequence
// number it holds of every open chat, so the server sends what was missed and nothing twice.

export function connectAgent(handlers, lastSeqs) {
  let ws = null;
  let delay = 1000;
  let stopped = false;
  let timer = null;

  function url() {
    const resume = Object.entries(lastSeqs()).map(([chat, seq]) => `${encodeURIComponent(chat)}:${seq}`).join(',');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${proto}//${location.host}/ws/agent${resume ? '?resume=' + resume : ''}`;
  }

  function open() {
    if (stopped) return;
    ws = new WebSocket(url());
    ws.addEventListener('open', () => { delay = 1000; handlers.status?.(true); });
    ws.addEventListener('message', (ev) => {
      let frame;
      try { frame = JSON.parse(ev.data); } catch { return; }
      handlers.frame(frame);
    });
    ws.addEventListener('close', (ev) => {
      handlers.status?.(false);
      if (stopped) return;
      if (ev.code === 4401) { handlers.signedOut?.(); return; }
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, 15000);
    });
  }

  open();
  return {
    close() { stopped = true; clearTimeout(timer); ws?.close(); },
    reconnect() { ws?.close(); },
  };
}
