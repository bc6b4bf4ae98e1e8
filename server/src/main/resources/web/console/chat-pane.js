// The chat in the middle: messages (text, image, emoji), the citizen typing, read marks, and the composer. A reply
// refused for a sensitive word stays in the box with the word named, so the agent can rephrase it.
import { get, post, upload } from './api.js';
import { h, say } from './dom.js';
import { state, entry, putChat, putMessage, sortedMessages, lastSeq, changed, CHANNEL } from './state.js';
import { openDialog } from './dialogs.js';
import { showRecordingsOf } from './recordings.js';

const EMOJI = ['😊', '🙂', '👍', '🙏', '👌', '💪', '🌹', '❤️', '😄', '🤝', '📄', '📞', '✅', '⏰', '🎉', '😔'];
let typingSent = 0;
let readSent = {};
let paneChat = null;

/** Loads the chat's detail (summary, history, messages) once, then shows it. */
export async function openChat(chatId) {
  const e = entry(chatId);
  try {
    const detail = await get(`/api/desk/chats/${encodeURIComponent(chatId)}?after=${lastSeq(chatId)}`);
    e.detail = detail;
    putChat(detail.chat);
    for (const m of detail.messages || []) putMessage(m);
  } catch (err) {
    say(err.message, 'error');
  }
  paneChat = null;
  changed('pane');
}

/** Puts {@code text} into the composer (canned replies, knowledge-base answers). */
export function insertText(text) {
  const box = document.getElementById('compose-text');
  if (!box) return;
  box.value = box.value ? box.value + '\n' + text : text;
  if (state.current) drafts.set(state.current, box.value);
  box.focus();
}

export function renderPane(what) {
  const pane = document.getElementById('pane');
  if (!pane) return;
  const id = state.current;
  if (!id) {
    pane.replaceChildren(h('div', { class: 'placeholder' }, h('p', {}, '从左侧选择或接入一个会话'), h('p', { class: 'hint' }, '排队中的市民会实时出现在左侧列表')));
    paneChat = null;
    return;
  }
  if (paneChat !== id || what === 'pane' || what === 'all') {
    pane.replaceChildren(head(id), h('ol', { id: 'msgs', class: 'msgs', 'aria-live': 'polite' }), h('div', { id: 'typing', class: 'typing' }), composer(id));
    paneChat = id;
  }
  renderMessages(id);
  renderTyping(id);
}

function head(id) {
  const e = entry(id);
  const c = e.chat;
  const active = c.state === 'ACTIVE';
  const phone = c.channel === 'voice';
  const mine = c.agentId === String(state.me.id);
  return h('div', { class: 'pane-head' },
    h('span', { class: 'title' }, `${phone && c.caller ? c.caller : c.citizen || '市民'} · ${CHANNEL[c.channel] || c.channel || ''} · ${c.skillGroup || ''}`,
      phone ? h('span', { class: 'badge phone', id: 'phone-badge' }, '电话') : null,
      c.state === 'ENDED' ? h('span', { class: 'badge ended' }, '已结束') : null),
    c.state === 'OFFERED' || c.state === 'QUEUED' ? h('button', { class: 'small', id: 'accept-current', onclick: () => acceptChat(id) }, '接入') : null,
    h('button', { class: 'secondary small', id: 'transfer', disabled: !active || !!e.consulting, onclick: () => openDialog('transfer', id) }, '转接'),
    phone && active && mine && !e.consulting ? h('button', { class: 'secondary small', id: 'consult', onclick: () => openDialog('consult', id) }, '咨询转接') : null,
    phone && active && mine && e.consulting ? h('button', { class: 'small', id: 'consult-complete', onclick: () => consultStep(id, 'complete') }, '完成转接') : null,
    phone && active && mine && e.consulting ? h('button', { class: 'secondary small', id: 'consult-cancel', onclick: () => consultStep(id, 'cancel') }, '取消咨询') : null,
    h('button', { class: 'secondary small', id: 'invite', disabled: !active, onclick: () => openDialog('invite', id) }, '邀请组长'),
    h('button', { class: 'danger small', id: 'end', disabled: !active, onclick: () => openDialog('end', id) }, '结束会话'),
    phone && c.state === 'ENDED' ? h('button', { class: 'secondary small', id: 'chat-recording', title: '在通话录音中查看本次通话',
      onclick: () => showRecordingsOf(id) }, '录音') : null);
}

/** Attended transfer, second step: the consulted colleague takes the caller, or the agent goes back to them. */
async function consultStep(id, step) {
  const e = entry(id);
  try {
    await post(`/api/desk/chats/${encodeURIComponent(id)}/consult/${step}`, { agentId: Number(e.consulting) });
    say(step === 'complete' ? '已转接给同事' : '已取消咨询，回到与市民的通话');
  } catch (err) {
    say(err.message, 'error');
  }
  e.consulting = null;
  changed('pane');
}

export async function acceptChat(id) {
  try {
    const detail = await post(`/api/desk/chats/${encodeURIComponent(id)}/accept`);
    const e = putChat(detail.chat);
    e.detail = detail;
    for (const m of detail.messages || []) putMessage(m);
    state.queue = state.queue.filter(q => q.id !== id);
    state.current = id;
    e.unread = 0;
    changed('all');
    say('已接入会话');
    return true;
  } catch (err) {
    say(err.message, 'error');
    return false;
  }
}

function renderMessages(id) {
  const ol = document.getElementById('msgs');
  if (!ol) return;
  const e = entry(id);
  const items = sortedMessages(id).map(m => h('li', { class: m.from, 'data-seq': m.seq },
    m.from === 'system' ? null : h('span', { class: 'who-line' }, `${m.author || (m.from === 'citizen' ? '市民' : '')} ${time(m.at)}`),
    bubble(m),
    m.from === 'agent' ? h('span', { class: 'read' }, e.citizenRead >= m.seq ? '已读' : '未读') : null));
  ol.replaceChildren(...items);
  ol.scrollTop = ol.scrollHeight;
  const last = lastSeq(id);
  if (last > (readSent[id] || 0) && document.visibilityState === 'visible' && e.chat.state === 'ACTIVE') {
    readSent[id] = last;
    post(`/api/desk/chats/${encodeURIComponent(id)}/read`, { seq: last }).catch(() => {});
  }
}

function bubble(m) {
  if (m.kind === 'IMAGE') return h('div', { class: 'bubble' }, h('a', { href: m.body, target: '_blank', rel: 'noopener' }, h('img', { src: m.body, alt: '图片' })));
  if (m.kind === 'EMOJI') return h('div', { class: 'bubble emoji' }, m.body);
  return h('div', { class: 'bubble' }, m.body);
}

function renderTyping(id) {
  const el = document.getElementById('typing');
  if (!el) return;
  const e = entry(id);
  const until = e.typingUntil;
  el.textContent = until > Date.now() ? `${typist(e)}正在输入…` : '';
  if (until > Date.now()) setTimeout(() => { if (state.current === id) renderTyping(id); }, until - Date.now() + 50);
}

/** Who is typing: the citizen, or a colleague in the chat (the owner or an invited leader). */
function typist(e) {
  if (!e.typingWho || e.typingWho === 'citizen') return '市民';
  if (e.typingWho === e.chat.agentId) return e.chat.agentName || '同事';
  return (e.chat.participants || []).find(p => p.id === e.typingWho)?.name || '同事';
}

/** After the end: the wrap-up notes (话后小结), editable while in wrap-up and later. */
function wrapUp(id) {
  const c = entry(id).chat;
  const notes = h('textarea', { id: 'wrapup-notes', maxlength: 2000, placeholder: '话后小结：市民诉求、处理结果、是否需要回访' });
  notes.value = c.wrapUpNote || '';
  const save = h('button', { id: 'wrapup-save', onclick: async () => {
    try {
      const r = await post(`/api/desk/chats/${encodeURIComponent(id)}/notes`, { notes: notes.value.trim() });
      putChat(r.chat);
      say('话后小结已保存');
    } catch (e) {
      say(e.message, 'error');
    }
  } }, '保存小结');
  return h('div', { class: 'composer' }, h('div', { class: 'hint' }, `会话已结束${c.endReason ? '（' + c.endReason + '）' : ''}，可在话后处理时间内补充小结。`),
    notes, h('div', { class: 'send-row' }, h('span'), save));
}

/** What the agent has typed per chat: a re-render (a chat update, switching chats) must never throw a draft away. */
const drafts = new Map();

function composer(id) {
  if (entry(id).chat.state === 'ENDED' && entry(id).chat.agentId === String(state.me.id)) return wrapUp(id);
  if (entry(id).chat.channel === 'voice') return phoneNote(id);
  const active = entry(id).chat.state === 'ACTIVE';
  const text = h('textarea', { id: 'compose-text', placeholder: active ? '输入回复，Enter 发送，Shift+Enter 换行' : '会话已结束', disabled: !active, maxlength: 2000 });
  text.value = drafts.get(id) || '';
  const refusal = h('span', { id: 'refusal', class: 'refusal', role: 'alert' });
  const emojiBox = h('div', { class: 'emoji-box', id: 'emoji-box', hidden: true },
    EMOJI.map(em => h('button', { type: 'button', onclick: () => { emojiBox.hidden = true; send(id, 'EMOJI', em, refusal); } }, em)));
  const file = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', hidden: true, id: 'image-file',
    onchange: () => uploadImage(id, file, refusal) });
  text.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); sendText(id, text, refusal); }
  });
  text.addEventListener('input', () => {
    drafts.set(id, text.value);
    refusal.textContent = '';
    if (Date.now() - typingSent > 2500) {
      typingSent = Date.now();
      post(`/api/desk/chats/${encodeURIComponent(id)}/typing`).catch(() => {});
    }
  });
  return h('div', { class: 'composer' },
    h('div', { class: 'tools' },
      h('button', { type: 'button', class: 'secondary small', id: 'emoji', disabled: !active, onclick: () => { emojiBox.hidden = !emojiBox.hidden; } }, '表情'),
      h('button', { type: 'button', class: 'secondary small', id: 'image', disabled: !active, onclick: () => file.click() }, '图片'),
      h('button', { type: 'button', class: 'secondary small', id: 'open-canned', disabled: !active, onclick: () => changed('tab:canned') }, '快捷回复'),
      h('button', { type: 'button', class: 'secondary small', id: 'open-assist', disabled: !active, onclick: () => changed('tab:assist') }, '知识库推荐')),
    emojiBox, file, text,
    h('div', { class: 'send-row' }, refusal, h('button', { id: 'send', disabled: !active, onclick: () => sendText(id, text, refusal) }, '发送')));
}

/** A phone call: the agent talks on their phone; the box only keeps internal notes (the caller cannot read). */
function phoneNote(id) {
  const active = entry(id).chat.state === 'ACTIVE';
  const text = h('textarea', { id: 'compose-note', placeholder: '内部备注（市民看不到）', disabled: !active, maxlength: 2000 });
  const refusal = h('span', { id: 'refusal', class: 'refusal', role: 'alert' });
  const save = h('button', { id: 'note-save', disabled: !active, onclick: async () => {
    const body = text.value.trim();
    if (body && await send(id, 'NOTE', body, refusal)) text.value = '';
  } }, '记录备注');
  return h('div', { class: 'composer' }, h('p', { class: 'phone-note', id: 'phone-note' }, '电话会话：请用话机与市民通话，市民看不到文字消息。'),
    text, h('div', { class: 'send-row' }, refusal, save));
}

async function sendText(id, box, refusal) {
  const body = box.value.trim();
  if (!body) return;
  if (await send(id, 'TEXT', body, refusal)) {
    box.value = '';
    drafts.delete(id);
  }
}

/** Sends one message; a sensitive word is shown under the box and the text stays for editing. */
async function send(id, kind, body, refusal) {
  try {
    const m = await post(`/api/desk/chats/${encodeURIComponent(id)}/messages`, { kind, body });
    if (putMessage(m)) changed('messages');
    return true;
  } catch (e) {
    if (e.code === 'sensitive_word') refusal.textContent = `含敏感词“${e.data.word}”，未发送，请修改后再发。`;
    else refusal.textContent = e.message;
    return false;
  }
}

async function uploadImage(id, file, refusal) {
  const f = file.files[0];
  file.value = '';
  if (!f) return;
  try {
    const r = await upload('/api/desk/uploads', f);
    await send(id, 'IMAGE', r.url, refusal);
  } catch (e) {
    refusal.textContent = e.message;
  }
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour12: false }) : '';
}
