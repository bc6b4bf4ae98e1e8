// 发布: what publishing the approved changes would do to the saved test questions (the regression check), then
// publish now or at a set time; a drop is only published with a reviewer's override reason.
import { get, post, del, isReviewer } from './api.js';
import { h, field, say, attempt, fmtTime } from './dom.js';

const pct = (x) => (x * 100).toFixed(1) + '%';

function report(check) {
  const r = check.report;
  const moved = (r.changed || []).map((m) => h('tr', { class: m.rightAfter ? 'good' : m.rightBefore ? 'bad' : '' },
    h('td', {}, m.qid), h('td', {}, m.query), h('td', {}, (m.expected || []).join('、')),
    h('td', {}, m.before || '—'), h('td', {}, m.after || '—')));
  return h('section', { class: 'card', id: 'check' },
    h('h2', {}, '发布前回归检查'),
    check.approved === 0
      ? h('p', { id: 'check-summary', class: 'hint' }, '没有待发布的已批准变更。')
      : h('p', { id: 'check-summary', class: check.regression ? 'bad' : 'good' },
        check.regression ? '准确率下降：发布需要审核人填写理由。' : '未发现准确率下降。',
        ` 待发布的已批准变更 ${check.approved} 项。`),
    r.faqQuestions
      ? h('p', {}, `测试问题 ${r.faqQuestions} 个：首位命中 ${pct(r.hit1Before)} → ${pct(r.hit1After)}（答对 ${r.rightBefore} → ${r.rightAfter}）`)
      : h('p', { class: 'hint' }, '尚未保存测试问题，检查不会拦截发布。'),
    moved.length ? h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['编号', '问题', '应命中', '发布前', '发布后'].map((t) => h('th', {}, t)))), h('tbody', {}, moved)) : null);
}

function schedules(list, reload) {
  const STATUS = { pending: '待执行', done: '已完成', failed: '失败', cancelled: '已取消' };
  return h('section', { class: 'card' }, h('h2', {}, '定时发布'),
    list.length ? h('table', { class: 'grid', id: 'schedules' }, h('tbody', {}, list.map((s) => h('tr', {},
      h('td', {}, fmtTime(s.at)), h('td', {}, STATUS[s.status] || s.status), h('td', {}, s.note || ''), h('td', {}, s.outcome || (s.version ? `版本 ${s.version}` : '')),
      h('td', {}, s.status === 'pending' && isReviewer()
        ? h('button', { class: 'small secondary', onclick: () => attempt(() => del('/api/admin/kb/schedules/' + s.id), '已取消定时发布').then((r) => r && reload()) }, '取消')
        : null)))))
      : h('p', { class: 'hint' }, '没有定时发布。'));
}

export async function render(main) {
  const reload = () => render(main);
  const [check, sched] = await Promise.all([get('/api/admin/kb/publish/check'), get('/api/admin/kb/schedules')]);
  const note = h('input', { id: 'publish-note', maxlength: 200, placeholder: '例如：每周五例行更新' });
  const override = h('textarea', { id: 'publish-override', rows: 2, placeholder: '准确率下降仍要发布的理由（将记入审计日志）' });
  const at = h('input', { id: 'publish-at', type: 'datetime-local' });
  const body = () => {
    const b = {};
    if (note.value.trim()) b.note = note.value.trim();
    if (override.value.trim()) b.override = override.value.trim();
    return b;
  };
  async function publish() {
    try {
      const r = await post('/api/admin/kb/publish', body());
      say(`已发布版本 ${r.version}（${r.entries} 个条目，${r.changes.length} 项变更），各节点正在后台切换。`, 'ok');
      reload();
    } catch (e) {
      say(e.data?.error === 'regression' ? '准确率下降，发布被拦截：请填写理由后再发布。' : e.message, 'error');
    }
  }
  async function schedule() {
    if (!at.value) return say('请选择发布时间。', 'error');
    const r = await attempt(() => post('/api/admin/kb/schedules', { ...body(), at: new Date(at.value).toISOString() }), '已安排定时发布');
    if (r) reload();
  }
  const controls = isReviewer()
    ? h('section', { class: 'card form' }, h('h2', {}, '发布'),
      field('版本说明', note),
      check.regression && check.approved > 0 ? field('覆盖理由（审核人）', override) : null,
      h('div', { class: 'actions' }, h('button', { id: 'publish-now', onclick: publish, disabled: check.approved === 0 }, '立即发布')),
      h('div', { class: 'actions' }, field('定时发布时间', at), h('button', { id: 'publish-schedule', class: 'secondary', onclick: schedule }, '定时发布')))
    : h('p', { class: 'card hint' }, '只有审核人可以发布。');
  main.replaceChildren(report(check), controls, schedules(sched.schedules, reload));
}
