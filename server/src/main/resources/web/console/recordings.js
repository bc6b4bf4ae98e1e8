// 通话录音: recorded calls — an agent's own, a group leader's or supervisor's every call — with filters, a table and a
// player. The audio comes from /api/desk/recordings/{id}/audio, which answers Range requests so the player can seek;
// the file is stereo: the citizen on the left, what the citizen heard (the agent) on the right.
import { get } from './api.js';
import { h, say } from './dom.js';
import { state } from './state.js';

const REASONS = { caller_hangup: '市民挂机', agent_hangup: '坐席挂机', recovered: '异常中断（已恢复）' };
let panel = null;
let chatFilter = null; // the chat whose recordings are shown (a call's 录音 link), or null for the filters alone

/** Whether the signed-in person hears every call (leaders, supervisors, admins) rather than their own. */
export function hearsAll() {
  return (state.me?.roles || []).some(r => r === 'GROUP_LEADER' || r === 'SUPERVISOR' || r === 'ADMIN');
}

/** The 录音 link of a call: the 通话录音 tab showing that chat's recordings only (✕ drops the chat filter). */
export function showRecordingsOf(chatId) {
  chatFilter = String(chatId);
  if (!panel?.isConnected) toggleRecordings(document.getElementById('view'), hearsAll());
  else search();
}

/** Shows the recordings in place of the desk, or the desk again; the desk's DOM and socket stay alive meanwhile. */
export function toggleRecordings(main, leader) {
  const desk = main.querySelector('.desk');
  const tab = document.getElementById('tab-recordings');
  if (panel?.isConnected) {
    panel.querySelector('audio')?.pause();
    panel.remove();
    panel = null;
    chatFilter = null;
    if (desk) desk.hidden = false;
    tab?.classList.remove('on');
    return;
  }
  panel = build(leader);
  if (desk) desk.hidden = true;
  main.append(panel);
  tab?.classList.add('on');
  search();
}

function build(leader) {
  const input = (id, attrs = {}) => h('input', { id, ...attrs });
  return h('section', { id: 'recordings', class: 'recordings' },
    h('form', { id: 'recording-filters', class: 'filters', onsubmit: (ev) => { ev.preventDefault(); search(); } },
      h('label', {}, '从 ', input('rec-from', { type: 'date' })),
      h('label', {}, '到 ', input('rec-to', { type: 'date' })),
      h('label', {}, '来电号码 ', input('rec-caller', { size: 13, placeholder: '号码或其中几位' })),
      h('label', {}, '技能组 ', input('rec-group', { size: 10 })),
      leader ? h('label', {}, '坐席 ', input('rec-agent', { size: 10 })) : null,
      h('span', { id: 'rec-chat', class: 'badge', hidden: true }),
      h('button', { type: 'submit' }, '查询')),
    h('audio', { id: 'recording-player', controls: true, preload: 'metadata' }),
    h('p', { id: 'recording-now', class: 'hint' }, '选择一条录音播放（左声道市民，右声道坐席）'),
    h('table', { class: 'recording-table' },
      h('thead', {}, h('tr', {}, ...['开始时间', '来电号码', '坐席', '技能组', '时长', '结束', ''].map(t => h('th', {}, t)))),
      h('tbody', { id: 'recording-rows' })));
}

async function search() {
  const q = new URLSearchParams();
  for (const [id, key] of [['rec-from', 'from'], ['rec-to', 'to'], ['rec-caller', 'caller'], ['rec-group', 'group'], ['rec-agent', 'agent']]) {
    const v = document.getElementById(id)?.value.trim();
    if (v) q.set(key, v);
  }
  if (chatFilter) q.set('chat', chatFilter);
  q.set('limit', '200');
  showChatFilter();
  try {
    const r = await get('/api/desk/recordings?' + q);
    render(r.recordings || []);
  } catch (e) {
    say(e.message, 'error');
  }
}

function showChatFilter() {
  const chip = document.getElementById('rec-chat');
  if (!chip) return;
  chip.hidden = !chatFilter;
  chip.replaceChildren(...(chatFilter ? [`会话 #${chatFilter} `, h('button', { class: 'small secondary', id: 'rec-chat-clear', type: 'button',
    title: '显示全部录音', onclick: () => { chatFilter = null; search(); } }, '✕')] : []));
}

function render(list) {
  const body = document.getElementById('recording-rows');
  if (!body) return;
  body.replaceChildren(...(list.length ? list.map(r => h('tr', { 'data-recording': r.id },
    h('td', {}, new Date(r.startedAt).toLocaleString('zh-CN', { hour12: false })),
    h('td', {}, r.caller || '', r.callbackTaskId ? h('span', { class: 'badge callback-call', title: `回电任务 #${r.callbackTaskId}` }, '回拨') : null),
    h('td', {}, r.agentId || ''),
    h('td', {}, r.skillGroup || ''),
    h('td', {}, duration(r.durationMs)),
    h('td', {}, REASONS[r.endReason] || r.endReason || ''),
    h('td', {}, h('button', { class: 'small play', onclick: () => play(r) }, '播放'))))
    : [h('tr', {}, h('td', { colspan: 7, class: 'empty' }, '没有符合条件的录音'))]));
}

function play(r) {
  const player = document.getElementById('recording-player');
  player.src = r.audio;
  document.getElementById('recording-now').textContent = `正在播放：${r.caller || ''} · ${new Date(r.startedAt).toLocaleString('zh-CN', { hour12: false })}`;
  player.play().catch(() => {}); // a browser that refuses autoplay still has the source loaded; the controls start it
}

function duration(ms) {
  const s = Math.round((ms || 0) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
