// 审计日志: every action of the editors' workflow (who, what, when, before/after), newest first, optionally of one subject.
import { get } from './api.js';
import { h, field, attempt, fmtTime } from './dom.js';

const ACTIONS = { draft_create: '新建草稿', draft_edit: '修改草稿', draft_delete: '删除草稿', approve: '批准', reject: '驳回', withdraw: '撤回',
  publish: '发布', publish_refused: '发布被拦截', override: '越过回归检查', schedule: '定时发布', cancel_schedule: '取消定时', rollback: '回滚', import: '导入' };

const pretty = (v) => (v == null ? '' : JSON.stringify(v, null, 1));

export async function render(main) {
  const subject = h('input', { id: 'audit-subject', placeholder: '如 change:12、version:3，留空为全部' });
  const rows = h('tbody', { id: 'audit-rows' });
  const load = async () => {
    const r = await get('/api/admin/kb/audit?limit=200' + (subject.value.trim() ? '&subject=' + encodeURIComponent(subject.value.trim()) : ''));
    rows.replaceChildren(...r.events.map((e) => h('tr', { 'data-action': e.action },
      h('td', {}, fmtTime(e.at)), h('td', {}, `${e.actor}（${e.role === 'reviewer' ? '审核人' : '编辑'}）`), h('td', {}, ACTIONS[e.action] || e.action),
      h('td', {}, e.subject), h('td', {}, e.detail || ''),
      h('td', {}, e.before || e.after ? h('details', {}, h('summary', {}, '前后内容'),
        h('table', { class: 'diff' }, h('tr', {}, h('td', { class: 'before' }, pretty(e.before)), h('td', { class: 'after' }, pretty(e.after))))) : ''))));
  };
  main.replaceChildren(h('section', { class: 'card' }, h('h2', {}, '审计日志'),
    h('div', { class: 'toolbar' }, field('对象', subject), h('button', { id: 'audit-show', onclick: () => attempt(load) }, '查询')),
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['时间', '操作人', '动作', '对象', '说明', ''].map((t) => h('th', {}, t)))), rows)));
  await load();
}
