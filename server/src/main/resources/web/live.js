// The web chat's live part: after a transfer the citizen waits (queue position, estimated wait, updating), sees the
// agent's name, the agent's messages and typing in real time, the end, and a rating form. One WebSocket per page; it
// reconnects by itself and names the last message it shows, so nothing is lost or shown twice.

const LEVELS = [[5, '非常满意'], [4, '满意'], [3, '一般'], [2, '不满意'], [1, '非常不满意']];
const CHAT_KEY = 'hotline.chat';

export function startLive({ sessionId, add, ask, setStatus }) {
  const shown = new Set(); // seqs of the chat already on the page
  let chatId = sessionStorage.getItem(CHAT_KEY);
  let lastSeq = 0;
  let fresh = true; // the first connection of this page also replays the citizen's own messages
  let agentName = null;
  let waiting = null;
  let typingEl = null;
  let typingTimer = null;
  let ws = null;
  let delay = 1000;
  let typingSent = 0;

  function url() {
    const p = new URLSearchParams({ session: sessionId });
    if (chatId) { p.set('chat', chatId); p.set('after', fresh ? 0 : lastSeq); if (fresh) p.set('own', '1'); }
    return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/chat?${p}`;
  }

  function connect() {
    ws = new WebSocket(url());
    ws.addEventListener('open', () => { delay = 1000; fresh = false; document.body.dataset.live = 'open'; });
    ws.addEventListener('message', ev => { try { onFrame(JSON.parse(ev.data)); } catch { /* not ours */ } });
    ws.addEventListener('close', () => { document.body.dataset.live = 'closed'; setTimeout(connect, delay); delay = Math.min(delay * 2, 15000); });
  }

  function remember(id) {
    if (id && id !== chatId) {
      chatId = id;
      shown.clear();
      lastSeq = 0;
      sessionStorage.setItem(CHAT_KEY, id);
    }
  }

  function onFrame(f) {
    if (f.chatId) remember(f.chatId);
    switch (f.type) {
      case 'state':
        if (f.state === 'QUEUED' || f.state === 'OFFERED') showWaiting('正在为您转接人工客服，请稍候…');
        else if (f.state === 'ACTIVE') accepted(f.agentName);
        break;
      case 'queued': case 'position': showWaiting(f.text, f.position, f.etaSeconds); break;
      case 'accepted': accepted(f.agentName); break;
      case 'message': message(f.message); break;
      case 'typing': showTyping(); break;
      case 'transferred': agentName = null; setStatus(''); system(f.text); showWaiting('正在为您转接，请稍候…'); break;
      case 'ended': clearWaiting(); hideTyping(); system(f.text); agentName = null; setStatus(''); break;
      case 'rating_invitation': ratingForm(f); break;
      case 'queue_timeout': clearWaiting(); add('bot transfer', f.text, buttons(f.options?.length ? f.options : ['留言', '回电'])); break;
      default: break;
    }
  }

  function showWaiting(text, position, eta) {
    if (!waiting) waiting = add('bot waiting', '', null);
    waiting.id = 'waiting';
    const b = waiting.querySelector('.bubble');
    b.replaceChildren();
    const line = document.createElement('div');
    line.textContent = text || '正在为您转接人工客服，请稍候…';
    b.appendChild(line);
    if (position) {
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.id = 'queue-position';
      meta.textContent = `排队位置：第 ${position} 位` + (eta != null ? ` · 预计等待约 ${Math.max(1, Math.round(eta / 60))} 分钟` : '');
      b.appendChild(meta);
    }
    setStatus('排队中');
  }

  function clearWaiting() {
    waiting?.remove();
    waiting = null;
  }

  // the desk's own line ("客服 … 为您服务") arrives as a chat message, so only the status changes here
  function accepted(name) {
    clearWaiting();
    agentName = name || agentName;
    setStatus(agentName ? `人工客服 ${agentName} 为您服务` : '人工客服');
  }

  function message(m) {
    if (!m || shown.has(m.seq)) return;
    shown.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    hideTyping();
    if (m.from === 'system') { system(m.body); return; }
    const mine = m.from === 'citizen';
    let li;
    if (m.kind === 'IMAGE') {
      const img = document.createElement('img');
      img.src = m.body; img.alt = '图片'; img.className = 'chat-image';
      li = add(mine ? 'user' : 'bot agent', '', img);
    } else {
      li = add(mine ? 'user' : 'bot agent' + (m.kind === 'EMOJI' ? ' emoji' : ''), m.body);
    }
    li.dataset.seq = m.seq;
    if (!mine && m.author) {
      const who = document.createElement('div');
      who.className = 'meta';
      who.textContent = m.author;
      li.querySelector('.bubble').prepend(who);
    }
    if (!mine) markRead();
  }

  function markRead() {
    if (document.visibilityState !== 'visible' || !ws || ws.readyState !== 1 || !chatId) return;
    ws.send(JSON.stringify({ type: 'read', chatId, seq: lastSeq }));
  }

  function system(text) {
    if (text) add('system', text);
  }

  function showTyping() {
    if (!typingEl) { typingEl = add('bot typing', '客服正在输入…'); typingEl.id = 'agent-typing'; }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 4000);
  }

  function hideTyping() {
    typingEl?.remove();
    typingEl = null;
  }

  function buttons(labels) {
    const box = document.createElement('div');
    box.className = 'choices quick';
    labels.forEach(label => {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = label;
      b.addEventListener('click', () => ask(label));
      box.appendChild(b);
    });
    return box;
  }

  function ratingForm(f) {
    const ratedChat = f.chatId;
    const form = document.createElement('form');
    form.className = 'rating';
    form.id = 'rating';
    let level = 0;
    const levels = document.createElement('div');
    levels.className = 'levels';
    const tags = document.createElement('div');
    tags.className = 'tags';
    const comment = document.createElement('textarea');
    comment.maxLength = 500; comment.rows = 2; comment.placeholder = '您的意见或建议（选填）'; comment.id = 'rating-comment';
    const submit = document.createElement('button');
    submit.type = 'submit'; submit.textContent = '提交评价'; submit.disabled = true; submit.id = 'rating-submit';
    LEVELS.forEach(([n, label]) => {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = label; b.dataset.level = n;
      b.addEventListener('click', () => {
        level = n;
        levels.querySelectorAll('button').forEach(x => x.classList.toggle('chosen', x === b));
        tags.replaceChildren(...((f.ratingTags || {})[n] || []).map(t => {
          const l = document.createElement('label');
          const c = document.createElement('input');
          c.type = 'checkbox'; c.value = t;
          l.append(c, ' ' + t);
          return l;
        }));
        submit.disabled = false;
      });
      levels.appendChild(b);
    });
    form.append(levels, tags, comment, submit);
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      submit.disabled = true;
      const chosen = [...tags.querySelectorAll('input:checked')].map(c => c.value);
      const res = await fetch('/api/chat/rating', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId, chatId: ratedChat, level, tags: chosen, comment: comment.value.trim() }),
      }).catch(() => null);
      const body = res ? await res.json().catch(() => ({})) : {};
      if (res && res.ok) { form.replaceChildren(Object.assign(document.createElement('p'), { textContent: body.thanks || '感谢您的评价！', id: 'rating-thanks' })); }
      else { submit.disabled = false; add('bot error', body.message || '评价未能提交，请稍后再试。'); }
    });
    add('bot rating-invite', '请您为本次服务评价（可选标签、留言）：', form);
  }

  document.addEventListener('visibilitychange', markRead);
  connect();
  return {
    /** The citizen is typing: tell the agent at most every 2.5 s, only while a chat is live. */
    typing() {
      if (!agentName || !chatId || !ws || ws.readyState !== 1 || Date.now() - typingSent < 2500) return;
      typingSent = Date.now();
      ws.send(JSON.stringify({ type: 'typing', chatId }));
    },
    /** True while a person is with the citizen: the bot's "still waiting" acknowledgements are then left out. */
    withAgent: () => agentName != null,
  };
}
