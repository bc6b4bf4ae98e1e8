// 回电任务: missed and abandoned calls, voice messages, 回电 requests and messages left, as the agent's work list. The
// number is shown whole once the agent has claimed the task (they dial it); the outcome buttons close it or, for
// 未接通, count an attempt and give it back to the group. The list reloads on the socket's `callbacks` frame.
// 回拨 (click-to-dial, when the server has telephony.outbound-uri): the server rings the agent's own phone, then the
// citizen; the task's `call` is polled while it lasts and shown as a state line, updated in place (the notes typed
// meanwhile stay). A citizen not reached is logged by the server; one reached waits for the agent's outcome.
import { get, post } from './api.js';
import { h, say } from './dom.js';
import { state, CHANNEL } from './state.js';

export const KIND = { MISSED_CALL: '漏接来电', ABANDONED: '排队中挂机', VOICEMAIL: '语音留言', CALLBACK_REQUEST: '要求回电', MESSAGE: '留言' };
const OUTCOMES = [['REACHED', '已联系'], ['NO_ANSWER', '未接通'], ['WRONG_NUMBER', '号码错误'], ['NOT_NEEDED', '无需回电']];

const CALL_STATE = { 'ringing-agent': '正在呼叫你的话机…', 'ringing-citizen': '振铃中…', talking: '通话中' };
const CALL_END = { REACHED: '已接通，请记录结果', NO_ANSWER: '未接通（已自动记录）', AGENT_NO_ANSWER: '你的话机未接听，未拨出',
  AGENT_LEFT: '已挂断', FAILED: '呼叫失败' };

let tasks = [];
let dialEnabled = false;
const polling = new Set();
let loading = null;
let again = false;

/** The panel's heading and list, for the console's left column. */
export function callbacksPanel() {
  return [
    h('h2', {}, '回电任务', h('span', { id: 'callback-count', class: 'badge' }, '0')),
    h('ul', { id: 'callbacks', class: 'list callbacks' }, h('li', { class: 'empty' }, '加载中…')),
  ];
}

/** Reloads the list (one request at a time; a change during a load loads once more after it). */
export async function refreshCallbacks() {
  if (loading) { again = true; return loading; }
  loading = (async () => {
    try {
      const list = await get('/api/desk/callbacks');
      tasks = list.tasks || [];
      dialEnabled = !!list.dialEnabled;
      render();
      tasks.filter((t) => live(t.call)).forEach((t) => poll(t.id));
    } catch (e) {
      say(`回电任务未能加载：${e.message}`, 'error');
    } finally {
      loading = null;
      if (again) { again = false; refreshCallbacks(); }
    }
  })();
  return loading;
}

function render() {
  const ul = document.getElementById('callbacks');
  if (!ul) return;
  document.getElementById('callback-count').textContent = tasks.length;
  ul.replaceChildren(...(tasks.length ? tasks.map(item) : [h('li', { class: 'empty' }, '暂无回电任务')]));
}

function item(t) {
  const mine = t.status === 'CLAIMED' && t.claimedBy === String(state.me.id);
  const taken = t.status === 'CLAIMED' && !mine;
  return h('li', { class: `callback${t.overdue ? ' overdue' : ''}${mine ? ' current' : ''}`, 'data-callback': t.id },
    h('div', { class: 'line' },
      h('span', {}, KIND[t.kind] || t.kind, t.contacts > 1 ? ` ×${t.contacts}` : ''),
      t.overdue ? h('span', { class: 'badge overdue' }, '已超时') : null),
    h('div', { class: 'line' },
      h('span', { class: mine ? 'phone shown' : 'phone' }, t.phone || '（无号码）'),
      t.status === 'OPEN' ? h('button', { class: 'small claim', onclick: () => act(t, 'claim') }, '认领') : null,
      taken ? h('span', { class: 'sub' }, '他人处理中') : null),
    h('div', { class: 'sub' }, `${t.skillGroup || ''} · ${CHANNEL[t.channel] || t.channel || ''} · 已等待 ${since(t.createdAt)}`,
      t.attempts ? ` · 已尝试 ${t.attempts} 次` : ''),
    t.message ? h('div', { class: 'callback-message' }, t.message) : null,
    t.audioUrl ? h('audio', { controls: true, preload: 'none', src: t.audioUrl, class: 'voice' }) : null,
    mine || t.call ? callLine(t, mine) : null,
    mine ? outcomeForm(t) : null);
}

/** 回拨 and the call's state; replaced in place by the poll. */
function callLine(t, mine) {
  const c = t.call;
  const text = !c ? '' : live(c) ? CALL_STATE[c.state] || c.state : `已结束：${CALL_END[c.outcome] || c.reason || ''}`;
  return h('div', { class: 'line call-state', 'data-call': t.id },
    h('span', { class: live(c) ? 'calling' : 'sub' }, text),
    mine && dialEnabled && !live(c) ? h('button', { class: 'small dial', onclick: () => dial(t) }, '回拨') : null,
    mine && live(c) ? h('button', { class: 'small secondary hangup', onclick: () => act(t, 'hangup') }, '挂断') : null);
}

const live = (c) => !!c && c.state !== 'ended';

async function dial(t) {
  try {
    await post(`/api/desk/callbacks/${encodeURIComponent(t.id)}/dial`, {});
    say('正在呼叫你的话机，接听后将拨打对方', 'ok');
  } catch (e) {
    say(e.message, 'error');
    return;
  }
  poll(t.id);
}

/** Follows one task's call every second until it ends, then reloads the list (a missed call back reopens the task). */
async function poll(id) {
  if (polling.has(id)) return;
  polling.add(id);
  try {
    for (;;) {
      let t;
      try {
        t = await get(`/api/desk/callbacks/${encodeURIComponent(id)}`);
      } catch {
        break; // gone or no longer ours: the reload below tells
      }
      const at = tasks.findIndex((x) => x.id === id);
      if (at >= 0) tasks[at] = t;
      const line = document.querySelector(`.call-state[data-call="${CSS.escape(id)}"]`);
      if (line) line.replaceWith(callLine(t, t.status === 'CLAIMED' && t.claimedBy === String(state.me.id)));
      if (!live(t.call)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    polling.delete(id);
  }
  await refreshCallbacks();
}

function outcomeForm(t) {
  const notes = h('input', { class: 'notes', placeholder: '备注（可选）', maxlength: '1000' });
  return h('div', { class: 'outcomes' }, notes,
    ...OUTCOMES.map(([code, label]) => h('button', { class: 'small secondary', 'data-outcome': code,
      onclick: () => act(t, 'attempt', { outcome: code, notes: notes.value }) }, label)),
    h('button', { class: 'small secondary release', onclick: () => act(t, 'release') }, '放回'));
}

async function act(t, what, body) {
  try {
    await post(`/api/desk/callbacks/${encodeURIComponent(t.id)}/${what}`, body || {});
    if (what === 'attempt') say(body.outcome === 'NO_ANSWER' ? '已记录未接通' : '回电任务已完成', 'ok');
    if (what === 'hangup') say('已挂断', 'ok');
  } catch (e) {
    say(e.message, 'error');
  }
  await refreshCallbacks();
}

function since(iso) {
  if (!iso) return '';
  const m = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
  return m < 60 ? `${m} 分钟` : m < 1440 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${Math.floor(m / 1440)} 天`;
}
