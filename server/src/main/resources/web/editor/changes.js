// 变更审核: drafts and their review. Reviewers approve or reject (never their own change); the author or a reviewer
// withdraws. Each change shows the fields it changes, before and after.
import { get, post, session, isReviewer } from './api.js';
import { h, field, say, attempt, fmtTime } from './dom.js';

const STATUS = { draft: '待审核', approved: '已批准', rejected: '已驳回', published: '已发布', withdrawn: '已撤回' };
const KIND = { create: '新建', edit: '修改', delete: '删除' };
const FIELDS = { question: '标准问题', similar: '相似问题', answer: '答案', voice_answer: '语音答案', category: '分类',
  keywords: '关键词', valid_from: '生效日期', valid_to: '失效日期', status: '状态' };

const show = (v) => (Array.isArray(v) ? v.join('\n') : v ?? '');

function changedFields(c) {
  const rows = [];
  for (const [k, label] of Object.entries(FIELDS)) {
    let b = show(c.before?.[k]);
    let a = show(c.after?.[k]);
    if (k === 'similar' && b !== a) { // only the lines that go and come
      const was = c.before?.similar || [];
      const now = c.after?.similar || [];
      b = was.filter((q) => !now.includes(q)).map((q) => '－ ' + q).join('\n');
      a = now.filter((q) => !was.includes(q)).map((q) => '＋ ' + q).join('\n');
    }
    if (b !== a) rows.push(h('tr', {}, h('th', {}, label), h('td', { class: 'before' }, b), h('td', { class: 'after' }, a)));
  }
  return rows.length ? h('table', { class: 'diff' }, h('tr', {}, h('th', {}, ''), h('th', {}, '修改前'), h('th', {}, '修改后')), rows) : null;
}

function card(c, reload) {
  const me = session();
  const comment = h('input', { class: 'comment', placeholder: '审核意见（驳回时必填）', maxlength: 500 });
  const act = (verb, body, text) => attempt(() => post(`/api/admin/kb/changes/${c.id}/${verb}`, body), text).then((r) => r && reload());
  const open = c.status === 'draft' || c.status === 'approved';
  const buttons = [];
  if (isReviewer() && c.status === 'draft' && c.author !== me.user) {
    buttons.push(h('button', { class: 'approve', onclick: () => act('approve', comment.value.trim() ? { comment: comment.value.trim() } : undefined, `已批准变更 #${c.id}`) }, '批准'));
    buttons.push(h('button', { class: 'danger reject', onclick: () => {
      if (!comment.value.trim()) return say('驳回时请填写审核意见。', 'error');
      act('reject', { comment: comment.value.trim() }, `已驳回变更 #${c.id}`);
    } }, '驳回'));
  }
  if (open && (c.author === me.user || isReviewer())) {
    buttons.push(h('button', { class: 'secondary withdraw', onclick: () => act('withdraw', undefined, `已撤回变更 #${c.id}`) }, '撤回'));
  }
  return h('article', { class: 'card change', 'data-change': c.id, 'data-entry': c.entryId },
    h('header', {}, h('strong', {}, `#${c.id} ${KIND[c.kind] || c.kind} ${c.entryId}`),
      h('span', { class: 'badge ' + c.status }, STATUS[c.status] || c.status),
      h('span', { class: 'hint' }, `${c.author} · ${fmtTime(c.createdAt)}`),
      c.reviewer ? h('span', { class: 'hint' }, `审核：${c.reviewer}${c.reviewComment ? '（' + c.reviewComment + '）' : ''}`) : null),
    h('p', {}, (c.after || c.before)?.question || ''),
    changedFields(c),
    buttons.length ? h('div', { class: 'actions' }, isReviewer() && c.status === 'draft' && c.author !== me.user ? comment : null, buttons) : null);
}

export async function render(main) {
  const status = h('select', { id: 'change-status' }, h('option', { value: '' }, '全部'),
    Object.entries(STATUS).map(([k, v]) => h('option', { value: k, selected: k === 'draft' }, v)));
  const list = h('div', { id: 'change-list' });
  async function reload() {
    const r = await attempt(() => get('/api/admin/kb/changes' + (status.value ? '?status=' + status.value : '')));
    if (!r) return;
    const mine = session().user;
    const approvable = r.changes.filter((c) => c.status === 'draft' && c.author !== mine).map((c) => c.id);
    const all = isReviewer() && approvable.length > 1 ? h('button', { id: 'approve-all', onclick: () => attempt(
      () => post('/api/admin/kb/changes/approve', { ids: approvable }), `已批准 ${approvable.length} 项变更`).then((x) => x && reload()) },
    `批准所列 ${approvable.length} 项草稿`) : null;
    list.replaceChildren(all, ...(r.changes.length ? r.changes.map((c) => card(c, reload)) : [h('p', { class: 'hint' }, '没有此状态的变更。')]));
  }
  status.addEventListener('change', reload);
  main.replaceChildren(h('section', {}, h('div', { class: 'toolbar card' }, field('状态', status),
    h('p', { class: 'hint' }, isReviewer() ? '审核人可批准或驳回他人的草稿。' : '编辑可撤回自己的变更；批准需由审核人完成。')), list));
  await reload();
}
