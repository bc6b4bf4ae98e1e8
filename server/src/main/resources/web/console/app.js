// The console's shell: sign-in (the accounts of /api/auth), presence, the live queue and the agent's chats. The chat
// pane and the side panels render the chat picked here; everything live arrives on one WebSocket.
import { put } from './api.js';
import { signInForm, me, logout } from '/auth/auth.js';
import { h, say } from './dom.js';
import { state, changed, onChange, putChat, putMessage, entry, lastSeqs, PRESENCE, CHANNEL, REASONS } from './state.js';
import { connectAgent } from './socket.js';
import { renderPane, openChat, acceptChat } from './chat-pane.js';
import { renderSide } from './side-panel.js';
import { callbacksPanel, refreshCallbacks } from './callbacks.js';
import { toggleRecordings, hearsAll } from './recordings.js';

const main = document.getElementById('view');
let socket = null;

function showSignIn(note) {
  socket?.close();
  socket = null;
  state.me = null;
  document.getElementById('bar').hidden = true;
  document.getElementById('who').replaceChildren();
  main.replaceChildren(signInForm({ title: '坐席登录', roles: ['AGENT', 'GROUP_LEADER'], onDone: start, notice: note }));
  document.getElementById('signin-user')?.focus();
}

function showWho() {
  const out = h('button', { id: 'signout', onclick: async () => {
    await put('/api/desk/presence', { presence: 'OFFLINE' }).catch(() => {}); // no more chats for someone who left
    await logout().catch(() => {});
    showSignIn();
  } }, '退出');
  const roles = state.me.roles.includes('GROUP_LEADER') ? '（组长）' : '';
  document.getElementById('who').replaceChildren(h('span', { id: 'me' }, state.me.displayName + roles), out);
}

async function start(session) {
  state.me = session.user;
  state.chats.clear();
  state.current = null;
  showWho();
  document.getElementById('bar').hidden = false;
  main.replaceChildren(layout());
  socket = connectAgent({ frame, status: linkState, signedOut: () => showSignIn('登录已失效，请重新登录') }, lastSeqs);
}

function layout() {
  return h('div', { class: 'desk' },
    h('section', { class: 'col' },
      h('h2', {}, '排队中', h('span', { id: 'queue-count', class: 'badge' }, '0')),
      h('ul', { id: 'queue', class: 'list' }),
      h('h2', {}, '我的会话', h('span', { id: 'chat-count', class: 'badge' }, '0')),
      h('ul', { id: 'chats', class: 'list' }),
      ...callbacksPanel()),
    h('section', { class: 'pane', id: 'pane' }),
    h('section', { class: 'col', id: 'side' }));
}

function linkState(up) {
  const el = document.getElementById('link');
  el.textContent = up ? '已连接' : '重新连接中…';
  el.classList.toggle('up', up);
}

/** One frame from /ws/agent. */
function frame(f) {
  switch (f.type) {
    case 'snapshot':
      state.presence = f.presence;
      state.queue = f.queue || [];
      for (const c of f.chats || []) putChat(c);
      changed('all');
      refreshCallbacks(); // (re)connected: call-back changes missed meanwhile
      break;
    case 'queue': state.queue = f.queue || []; changed('queue'); break;
    case 'presence': state.presence = f.presence; changed('presence'); break;
    case 'chat': putChat(f.chat); changed('chats'); if (f.chat.id === state.current) changed('pane'); break;
    case 'message':
      if (putMessage(f.message)) changed(f.message.chatId === state.current ? 'messages' : 'chats');
      break;
    case 'typing': Object.assign(entry(f.chatId), { typingUntil: Date.now() + 4000, typingWho: f.who }); if (f.chatId === state.current) changed('typing'); break;
    case 'read': entry(f.chatId).citizenRead = Math.max(entry(f.chatId).citizenRead, f.seq); if (f.chatId === state.current) changed('messages'); break;
    case 'notice': say(f.text, f.level === 'error' ? 'error' : 'ok'); break;
    case 'callbacks': refreshCallbacks(); break;
    default: break;
  }
}

function renderPresence() {
  const sel = document.getElementById('presence');
  sel.value = state.presence;
  sel.title = PRESENCE[state.presence] || '';
}

/** Chats offered to this agent (accept before the offer runs out), then the waiting queue of the agent's groups. */
function renderQueue() {
  const ul = document.getElementById('queue');
  if (!ul) return;
  const me = String(state.me.id);
  const offers = [...state.chats.values()].filter(e => e.chat.state === 'OFFERED' && e.chat.agentId === me).map(e => ({
    id: e.chat.id, channel: e.chat.channel, skillGroup: e.chat.skillGroup, waitingSince: e.chat.queuedAt, reason: e.chat.reason, offered: true,
  }));
  const items = [...offers, ...state.queue.filter(q => !offers.some(o => o.id === q.id))];
  document.getElementById('queue-count').textContent = items.length;
  ul.replaceChildren(...(items.length ? items.map(q => h('li', { 'data-chat': q.id, class: q.offered ? 'queued offered' : 'queued' },
    h('div', { class: 'line' }, h('span', {}, `${q.skillGroup || ''} · ${CHANNEL[q.channel] || q.channel}`),
      q.channel === 'voice' ? h('span', { class: 'badge phone' }, '电话') : null,
      q.offered ? h('span', { class: 'badge unread' }, q.channel === 'voice' ? '请接听话机' : '分配给您') : null,
      h('button', { class: 'small accept', onclick: (ev) => { ev.stopPropagation(); accept(q.id); } }, '接入')),
    h('div', { class: 'sub' }, `已等待 ${minutes(q.waitingSince)}${q.reason ? ' · ' + (REASONS[q.reason] || q.reason) : ''}`))) : [h('li', { class: 'empty' }, '暂无排队')]));
}

function renderChats() {
  const ul = document.getElementById('chats');
  if (!ul) return;
  const me = String(state.me.id);
  const mine = [...state.chats.values()].filter(e => e.chat.id === state.current
    || (e.chat.state !== 'QUEUED' && e.chat.state !== 'OFFERED' && (e.chat.agentId === me || (e.chat.participants || []).some(p => p.id === me))));
  document.getElementById('chat-count').textContent = mine.filter(e => e.chat.state === 'ACTIVE').length;
  ul.replaceChildren(...(mine.length ? mine.map(e => h('li', { 'data-chat': e.chat.id, class: e.chat.id === state.current ? 'current' : '', onclick: () => select(e.chat.id) },
    h('div', { class: 'line' }, h('span', {}, e.chat.caller || e.chat.citizen || '市民'),
      e.chat.channel === 'voice' ? h('span', { class: 'badge phone' }, '电话') : null,
      e.chat.state === 'ENDED' ? h('span', { class: 'badge ended' }, '已结束') : e.unread ? h('span', { class: 'badge unread' }, e.unread) : null),
    h('div', { class: 'sub' }, `${e.chat.skillGroup || ''} · ${CHANNEL[e.chat.channel] || e.chat.channel || ''}`))) : [h('li', { class: 'empty' }, '暂无会话')]));
}

function minutes(iso) {
  if (!iso) return '';
  const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

const accept = (chatId) => acceptChat(chatId);

async function select(chatId) {
  state.current = chatId;
  entry(chatId).unread = 0;
  changed('all');
  await openChat(chatId);
}

document.getElementById('tab-recordings').addEventListener('click', () =>
  toggleRecordings(main, hearsAll()));

document.getElementById('presence').addEventListener('change', async (ev) => {
  try {
    const r = await put('/api/desk/presence', { presence: ev.target.value });
    state.presence = r.presence;
  } catch (e) {
    say(e.message, 'error');
  }
  renderPresence();
});

onChange((what) => {
  if (!state.me) return;
  if (what === 'all' || what === 'presence') renderPresence();
  if (what === 'all' || what === 'queue' || what === 'chats') renderQueue();
  if (what === 'all' || what === 'chats' || what === 'messages') renderChats();
  if (what !== 'queue' && what !== 'presence') renderPane(what);
  if (what === 'all' || what === 'pane' || what === 'side') renderSide();
});

setInterval(() => { if (state.me) renderQueue(); }, 5000); // waiting times keep counting

window.addEventListener('hotline-signed-out', (ev) => showSignIn(ev.detail || '登录已失效，请重新登录'));
const session = await me().catch(() => null);
if (session && !session.user.mustChangePassword) start(session);
else showSignIn();
