// 回电任务: missed and abandoned calls, voice messages, 回电 requests and messages left, as the agent's work list. The
// number is shown whole once the agent has claimed the task (they dial it); the outcome buttons close it or, for
// 未接通, count an attempt and give it back to the group. The list reloads on the socket's `callbacks` frame.
import { get, post } from './api.js';
import { h, say } from './dom.js';
import { state, CHANNEL } from './state.js';

export const KIND = { MISSED_CALL: '漏接来电', ABANDONED: '排队中挂机', VOICEMAIL: '语音留言', CALLBACK_REQUEST: '要求回电', MESSAGE: '留言' };
const OUTCOMES = [['REACHED', '已联系'], ['NO_ANSWER', '未接通'], ['WRONG_NUMBER', '号码错误'], ['NOT_NEEDED', '无需回电']];

let tasks = [];
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
      tasks = (await get('/api/desk/callbacks')).tasks || [];
      render();
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
    mine ? outcomeForm(t) : null);
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
