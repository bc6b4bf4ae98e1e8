// 报表: the hot and hardest questions of a date range (the bureau's biweekly / monthly reports), and its Excel download;
// for supervisors and admins the 服务水平 section (service-levels.js) comes first.
import { get } from './api.js';
import { h, field, attempt, saveFile, say } from './dom.js';
import { current, hasRole } from '/auth/auth.js';
import { serviceSection } from './service-levels.js';

const REASONS = { answered: '已回答', fallback: '未能回答', clarify: '反问澄清', low_confidence: '低置信度', unhelpful: '被标记无用', transfer_after_answer: '答后转人工' };
const reasons = (r) => Object.entries(r || {}).map(([k, n]) => `${REASONS[k] || k} ${n}`).join('、');
const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; // the editor's own calendar day

function table(id, heads, rows) {
  return h('table', { class: 'grid', id }, h('thead', {}, h('tr', {}, heads.map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: heads.length, class: 'hint' }, '本期没有数据。'))));
}

function clusters(id, list) {
  return table(id, ['代表问题', '次数', '原因', '相关条目', '示例'], list.map((c) => h('tr', { 'data-cluster': c.id },
    h('td', {}, c.label), h('td', {}, c.count), h('td', {}, reasons(c.reasons)), h('td', {}, Object.keys(c.entries || {}).join('、')),
    h('td', {}, h('ul', { class: 'examples' }, c.examples.map((e) => h('li', {}, e)))))));
}

function show(box, r) {
  const rate = r.asked ? `${(100 * r.answered / r.asked).toFixed(1)}%` : '—';
  box.replaceChildren(
    h('section', { class: 'card', id: 'report-summary' }, h('h2', {}, `${r.from} 至 ${r.to}`),
      h('p', {}, `知识库问题 ${r.asked} 个：直接回答 ${r.answered}（${rate}），反问澄清 ${r.clarified}，未能回答 ${r.fallbacks}。`),
      r.clustered < r.asked ? h('p', { class: 'hint' }, `语义聚类取最近的 ${r.clustered} 个问题。`) : null),
    h('section', { class: 'card' }, h('h2', {}, '热点问题（按条目）'),
      table('hot-entries', ['条目', '标准问题', '分类', '回答次数', '会话数', '上期'], r.hotEntries.map((e) => h('tr', { 'data-entry': e.entryId },
        h('td', {}, e.entryId), h('td', {}, e.question || '（已删除）'), h('td', {}, e.category || ''), h('td', {}, e.count), h('td', {}, e.sessions),
        h('td', {}, e.previous)))),
      h('p', { class: 'hint' }, '按分类：' + (r.hotCategories.map((c) => `${c.category} ${c.count}`).join('、') || '—'))),
    h('section', { class: 'card' }, h('h2', {}, '热点问题（按语义聚类）'), clusters('hot-clusters', r.hotClusters)),
    h('section', { class: 'card' }, h('h2', {}, '难点问题（按条目）'),
      table('hard-entries', ['条目', '标准问题', '次数', '原因', '示例'], r.hardEntries.map((e) => h('tr', { 'data-entry': e.entryId },
        h('td', {}, e.entryId), h('td', {}, e.question || '（已删除）'), h('td', {}, e.total), h('td', {}, reasons(e.reasons)),
        h('td', {}, h('ul', { class: 'examples' }, e.examples.map((x) => h('li', {}, x)))))))),
    h('section', { class: 'card' }, h('h2', {}, '难点问题（按语义聚类：未能回答、低置信度、无用、答后转人工）'), clusters('hard-clusters', r.hardClusters)));
}

export async function render(main) {
  const today = new Date();
  const to = h('input', { id: 'report-to', type: 'date', value: day(today) });
  const from = h('input', { id: 'report-from', type: 'date', value: day(new Date(today.getTime() - 6 * 864e5)) });
  const box = h('div', { id: 'report' });
  const query = () => `from=${from.value}&to=${to.value}`;
  const load = async () => show(box, await get('/api/admin/reports/questions?' + query()));
  main.replaceChildren(
    hasRole(current(), 'SUPERVISOR') ? serviceSection() : null,
    h('section', { class: 'card' }, h('h2', {}, '热点与难点问题报表'),
      h('div', { class: 'toolbar' }, field('开始日期', from), field('结束日期', to),
        h('button', { id: 'report-show', onclick: () => attempt(load) }, '统计'),
        h('button', { id: 'report-export', class: 'secondary', onclick: async () => {
          const f = await attempt(() => get('/api/admin/reports/questions/export?as=json&' + query()));
          if (f) { saveFile(f); say('已导出 ' + f.filename); }
        } }, '导出 Excel'))),
    box);
  await load();
}
