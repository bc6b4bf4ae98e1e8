// Transfer (to an agent or a skill group, with a note), invite a group leader, end (reason code + wrap-up notes).
import { get, post } from './api.js';
import { h, say } from './dom.js';
import { putChat, changed, entry } from './state.js';

export async function openDialog(kind, chatId) {
  let options;
  try {
    options = await get('/api/desk/directory');
  } catch (e) {
    say(e.message, 'error');
    return;
  }
  const dialog = h('dialog', { id: 'dialog-' + kind });
  const close = () => { dialog.close(); dialog.remove(); };
  const form = ({ transfer, invite, end, consult })[kind](options);
  const submit = h('button', { type: 'submit', id: 'dialog-ok' }, '确定');
  const el = h('form', { method: 'dialog' }, form.title, form.fields, h('div', { class: 'row' },
    h('button', { type: 'button', class: 'secondary', onclick: close }, '取消'), submit));
  el.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    try {
      const r = await post(`/api/desk/chats/${encodeURIComponent(chatId)}/${kind}`, form.body());
      if (r?.chat) putChat(r.chat);
      if (form.after && !form.after(r, chatId)) { submit.disabled = false; return; }
      say(form.done);
      close();
      changed('all');
    } catch (e) {
      say(e.message, 'error');
      submit.disabled = false;
    }
  });
  dialog.append(el);
  document.body.append(dialog);
  dialog.showModal();
}

function transfer(o) {
  const target = h('select', { id: 'transfer-target' },
    h('optgroup', { label: '技能组' }, o.groups.map(g => h('option', { value: 'group:' + g.code }, g.name || g.code))),
    h('optgroup', { label: '坐席' }, o.agents.map(a => h('option', { value: 'agent:' + a.id }, `${a.displayName}（${presence(a.presence)}）`))));
  const note = h('textarea', { id: 'transfer-note', rows: 3, maxlength: 500, placeholder: '给接手同事的备注' });
  return {
    title: h('h2', {}, '转接会话'),
    fields: [field('转给', target), field('备注', note)],
    body: () => {
      const [kind, value] = target.value.split(/:(.*)/s);
      return kind === 'group' ? { toGroup: value, note: note.value.trim() } : { toAgent: Number(value), note: note.value.trim() };
    },
    done: '已转接',
  };
}

function invite(o) {
  const leader = h('select', { id: 'invite-leader' }, o.leaders.map(a => h('option', { value: a.id }, `${a.displayName}（${presence(a.presence)}）`)));
  const note = h('textarea', { id: 'invite-note', rows: 2, maxlength: 500, placeholder: '请组长协助的内容' });
  return {
    title: h('h2', {}, '邀请组长'),
    fields: [o.leaders.length ? field('组长', leader) : h('p', { class: 'hint' }, '当前没有可邀请的组长'), field('说明', note)],
    body: () => ({ leaderId: Number(leader.value), note: note.value.trim() }),
    done: '已邀请组长加入会话',
  };
}

/** Attended transfer of a phone call: the caller hears music while the colleague's phone rings and they talk. */
function consult(o) {
  const colleague = h('select', { id: 'consult-agent' }, o.agents.map(a => h('option', { value: a.id }, `${a.displayName}（${presence(a.presence)}）`)));
  return {
    title: h('h2', {}, '咨询转接'),
    fields: [field('咨询同事', colleague), h('p', { class: 'hint' }, '市民将听到等待音乐；同事接听后可与其商量，再完成转接或取消。')],
    body: () => ({ agentId: Number(colleague.value) }),
    after: (r, chatId) => {
      if (!r.consulting) { say('同事未接听，已回到与市民的通话', 'error'); return false; }
      entry(chatId).consulting = r.agentId;
      return true;
    },
    done: '同事已接听，可完成转接或取消',
  };
}

function end(o) {
  const reason = h('select', { id: 'end-reason' }, o.endReasons.map(r => h('option', { value: r.code }, r.label)));
  const notes = h('textarea', { id: 'end-notes', rows: 4, maxlength: 2000, placeholder: '话后小结：市民诉求、处理结果、是否需要回访' });
  return {
    title: h('h2', {}, '结束会话'),
    fields: [field('结束原因', reason), field('话后小结', notes), h('p', { class: 'hint' }, '结束后将向市民发送满意度评价邀请。')],
    body: () => ({ reason: reason.value, notes: notes.value.trim() }),
    done: '会话已结束，已邀请市民评价',
  };
}

const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
const NAMES = { ONLINE: '在线', BUSY: '忙碌', AWAY: '离开', WRAP_UP: '话后处理', OFFLINE: '离线' };
const presence = (p) => NAMES[p] || p || '';
