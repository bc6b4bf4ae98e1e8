// The right column: the bot's handoff summary, the citizen's earlier conversations, knowledge-base answers for the
// citizen's last message and the canned replies — each insertable into the reply box with one click.
import { get, post } from './api.js';
import { h, say } from './dom.js';
import { state, entry, onChange, sortedMessages, CHANNEL, REASONS } from './state.js';
import { insertText } from './chat-pane.js';

const TABS = { summary: '转人工摘要', history: '历史会话', assist: '知识库推荐', canned: '快捷回复' };
let tab = 'summary';

onChange((what) => {
  if (typeof what === 'string' && what.startsWith('tab:')) { tab = what.slice(4); renderSide(); }
  if (what === 'messages' && tab === 'assist') renderSide();
});

export function renderSide() {
  const side = document.getElementById('side');
  if (!side) return;
  const bar = h('div', { class: 'tabs' }, Object.entries(TABS).map(([k, label]) =>
    h('button', { type: 'button', class: k === tab ? 'active' : '', 'data-tab': k, onclick: () => { tab = k; renderSide(); } }, label)));
  const body = h('div', { class: 'side', id: 'side-body' });
  side.replaceChildren(bar, body);
  const id = state.current;
  if (!id && tab !== 'canned') { body.append(h('p', { class: 'empty' }, '接入会话后在此显示')); return; }
  ({ summary, history, assist, canned })[tab](body, id);
}

function summary(body, id) {
  const s = entry(id).detail?.summary;
  if (!s) { body.append(h('p', { class: 'empty' }, '此会话没有机器人摘要')); return; }
  const slots = Object.entries(s.flowSlots || {}).map(([k, v]) => `${k}=${v}`);
  body.append(h('div', { id: 'summary' },
    h('dl', { class: 'kv' },
      h('dt', {}, '转人工原因'), h('dd', { id: 'summary-reason' }, [REASONS[s.reason] || s.reason, s.detail].filter(Boolean).join('：')),
      h('dt', {}, '技能组'), h('dd', {}, s.skillGroup || ''),
      h('dt', {}, '渠道'), h('dd', {}, CHANNEL[s.channel] || s.channel || ''),
      h('dt', {}, '话题'), h('dd', {}, s.topic || '—'),
      h('dt', {}, '业务流程'), h('dd', {}, s.flowId ? `${s.flowId}（${slots.join('，') || '未填写'}）` : '—')),
    h('h3', {}, '意图'), h('div', { class: 'chips', id: 'summary-intents' }, (s.intents || []).map(i => h('span', {}, i))),
    h('h3', {}, '实体'), h('div', { class: 'chips', id: 'summary-entities' }, (s.entities || []).map(i => h('span', {}, i))),
    h('h3', {}, s.reason === 'ivr' ? '语音导航记录' : '机器人对话记录'), h('div', { class: 'transcript', id: 'summary-transcript' }, (s.transcript || []).map(speaker).join('\n'))));
}

function history(body, id) {
  const list = entry(id).detail?.history || [];
  if (!list.length) { body.append(h('p', { class: 'empty', id: 'history-empty' }, '该市民没有更早的会话')); return; }
  body.append(h('div', { id: 'history' }, list.map(c => h('div', { class: 'card-item' },
    h('div', { class: 'q' }, `${fmt(c.startedAt)} · ${c.agentName || '未接入'} · ${c.skillGroup || ''}`),
    c.endReason ? h('div', { class: 'hint' }, `结束原因：${c.endReason}${c.notes ? '；小结：' + c.notes : ''}`) : null,
    c.rating ? h('div', { class: 'hint' }, `评价：${c.rating.level} 星 ${(c.rating.tags || []).join('、')} ${c.rating.comment || ''}`) : null,
    h('div', { class: 'a' }, (c.lines || []).join('\n'))))));
}

async function assist(body, id) {
  const last = sortedMessages(id).filter(m => m.from === 'citizen' && m.kind === 'TEXT').pop();
  if (last) body.append(h('p', { class: 'hint' }, `针对市民最近的问题：“${last.body}”`));
  const list = h('div', { id: 'assist' }, h('p', { class: 'hint' }, '查询中…'));
  body.append(list);
  try {
    const r = await get(`/api/desk/chats/${encodeURIComponent(id)}/assist`);
    list.replaceChildren(...(r.suggestions.length ? r.suggestions.map(s => h('div', { class: 'card-item' },
      h('div', { class: 'q' }, s.question),
      h('div', { class: 'a' }, s.answer),
      h('div', { class: 'line' }, h('span', { class: 'hint' }, `${s.entryId} · 匹配度 ${Math.round(s.score * 100)}%`),
        h('button', { class: 'small insert', onclick: () => insertText(s.answer) }, '插入')))) : [h('p', { class: 'empty' }, '知识库中没有相近的答案')]));
  } catch (e) {
    list.replaceChildren(h('p', { class: 'refusal' }, e.message));
  }
}

async function canned(body) {
  const q = h('input', { id: 'canned-q', placeholder: '搜索快捷回复（标题或内容）', style: 'width:100%' });
  const list = h('div', { id: 'canned' });
  const title = h('input', { id: 'canned-title', placeholder: '标题' });
  const text = h('textarea', { id: 'canned-text', placeholder: '回复内容', rows: 3 });
  const shared = h('input', { type: 'checkbox', id: 'canned-shared' });
  const load = async () => {
    try {
      const r = await get(`/api/desk/canned?q=${encodeURIComponent(q.value.trim())}`);
      list.replaceChildren(...(r.replies.length ? r.replies.map(c => h('div', { class: 'card-item', 'data-canned': c.id },
        h('div', { class: 'q' }, c.title, h('span', { class: 'badge' }, c.shared ? '公共' : '个人')),
        h('div', { class: 'a' }, c.text),
        h('div', { class: 'line' }, h('span', {}), h('button', { class: 'small insert', onclick: () => insertText(c.text) }, '插入')))) : [h('p', { class: 'empty' }, '没有找到快捷回复')]));
    } catch (e) {
      list.replaceChildren(h('p', { class: 'refusal' }, e.message));
    }
  };
  let t = null;
  q.addEventListener('input', () => { clearTimeout(t); t = setTimeout(load, 200); });
  const add = h('form', { class: 'card-item' }, h('div', { class: 'q' }, '新增快捷回复'), title, text,
    h('div', { class: 'line' }, h('label', {}, shared, ' 公共（全体坐席可用）'), h('button', { class: 'small', type: 'submit' }, '保存')));
  add.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post('/api/desk/canned', { title: title.value.trim(), text: text.value.trim(), shared: shared.checked });
      title.value = ''; text.value = '';
      say('已保存快捷回复');
      load();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  body.append(q, list, add);
  load();
}

/** "citizen: …" / "bot: …" lines of the bot's transcript in the agents' words. */
const speaker = (line) => line.replace(/^citizen:\s*/, '市民：').replace(/^bot:\s*/, '机器人：').replace(/^ivr:\s*/, '语音导航：');
const fmt = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');
