// The citizen's web chat: one POST /api/chat per message; clarify and fallback choices become buttons. The live part
// with a person (queue, agent messages, rating) is live.js over a WebSocket.
import { startLive } from './live.js';
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('text');
const send = document.getElementById('send');
const sessionKey = 'hotline.session';
let sessionId = sessionStorage.getItem(sessionKey) || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
sessionStorage.setItem(sessionKey, sessionId);

function add(kind, text, extra) {
  const li = document.createElement('li');
  li.className = 'msg ' + kind;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  bubble.textContent = text;
  if (extra) bubble.appendChild(extra);
  li.appendChild(bubble);
  log.appendChild(li);
  li.scrollIntoView({ block: 'end', behavior: 'smooth' });
  return li;
}

function choiceButtons(candidates) {
  const box = document.createElement('div');
  box.className = 'choices';
  candidates.forEach((c, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = (i + 1) + '. ' + c.question;
    b.addEventListener('click', () => ask(String(i + 1), c.question));
    box.appendChild(b);
  });
  return box;
}

function quickButtons(labels) {
  const box = document.createElement('div');
  box.className = 'choices quick';
  labels.forEach(label => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => ask(label));
    box.appendChild(b);
  });
  return box;
}

// "was this helpful" under an answer from the knowledge base; "no" brings the offer of a person
function feedbackBar(entryId) {
  const bar = document.createElement('div');
  bar.className = 'feedback';
  bar.append('这个回答有帮助吗？');
  [['有帮助', true], ['没帮助', false]].forEach(([label, helpful]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', async () => {
      bar.querySelectorAll('button').forEach(x => { x.disabled = true; });
      const res = await fetch('/api/chat/feedback', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId, entryId, helpful })
      }).catch(() => null);
      if (res && res.ok) render(await res.json());
    });
    bar.appendChild(b);
  });
  return bar;
}

function render(reply) {
  // with an agent in the chat the bot stays silent (relayed) or would only say "please wait" again
  if (reply.act === 'relayed' || (reply.act === 'queued' && live.withAgent())) return;
  if (reply.act === 'welcome') {
    const head = reply.text.split('\n')[0];
    add('bot welcome', head, choiceButtons(reply.candidates || []));
  } else if (reply.buttons && reply.buttons.length && reply.type !== 'answer') {
    add('bot ' + reply.type, reply.text, quickButtons(reply.buttons));
  } else if (reply.type === 'clarify' || reply.type === 'fallback') {
    // the numbered list is in the text for plain channels; here the buttons replace it
    const head = reply.text.split('\n')[0];
    const tail = reply.type === 'fallback' ? reply.text.split('\n').slice(-1)[0] : '';
    const extra = choiceButtons(reply.candidates || []);
    if (tail && tail !== head) { const p = document.createElement('div'); p.className = 'related'; p.textContent = tail; extra.appendChild(p); }
    if (reply.type === 'fallback') {
      const human = document.createElement('button');
      human.type = 'button'; human.textContent = '转人工服务';
      human.addEventListener('click', () => ask('转人工'));
      extra.appendChild(human);
    }
    add('bot ' + reply.type, head, extra);
  } else if (reply.type === 'answer') {
    const extra = document.createElement('div');
    if (reply.buttons && reply.buttons.length) extra.appendChild(quickButtons(reply.buttons));
    if (reply.entryId && (reply.act === 'faq' || reply.act === 'chosen')) extra.appendChild(feedbackBar(reply.entryId));
    if (reply.candidates && reply.candidates.length) {
      const related = document.createElement('div');
      related.className = 'related';
      related.textContent = '您可能还想问：';
      related.appendChild(choiceButtonsPlain(reply.candidates));
      extra.appendChild(related);
    }
    add('bot answer', reply.text, extra.childNodes.length ? extra : null);
  } else {
    add('bot ' + reply.type, reply.text);
  }
}

function choiceButtonsPlain(candidates) {
  const box = document.createElement('div');
  box.className = 'choices';
  candidates.forEach(c => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = c.question;
    b.addEventListener('click', () => ask(c.question));
    box.appendChild(b);
  });
  return box;
}

async function ask(text, shown) {
  add('user', shown || text);
  send.disabled = true;
  try {
    const res = await fetch('/api/chat', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId, text })
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) add('bot error', body.message || ('请求失败（' + res.status + '）'));
    else render(body);
  } catch (e) {
    add('bot error', '网络连接失败，请稍后再试。');
  } finally {
    send.disabled = false;
    input.focus();
  }
}

const live = startLive({
  sessionId, add, ask,
  setStatus: (text) => { document.getElementById('live-status').textContent = text; },
});
input.addEventListener('input', () => live.typing());

form.addEventListener('submit', ev => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  ask(text);
});

async function welcome() {
  try {
    const res = await fetch('/api/chat/welcome');
    if (res.ok) { render(await res.json()); return; }
  } catch (e) { /* fall through to the plain greeting */ }
  add('bot', '您好！我是政务服务智能助手，可以解答社保、医保、公积金和常见办事问题。请直接输入您的问题。');
}
await welcome();
// a link such as /?q=社保卡怎么补办 (from a menu or a notice) asks its question at once
const preset = new URLSearchParams(location.search).get('q');
if (preset && preset.trim()) ask(preset.trim().slice(0, 2000));
input.focus();
