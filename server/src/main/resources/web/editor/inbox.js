// 未答问题: what the bot failed to answer, clustered by meaning, with counts, trend and examples; an editor turns a
// cluster into similar questions of an entry or into a new draft entry, or dismisses it.
import { get, post } from './api.js';
import { h, field, say, attempt, fmtTime } from './dom.js';

const REASONS = { fallback: '未能回答', clarify: '反问澄清', low_confidence: '低置信度', unhelpful: '被标记无用', transfer_after_answer: '答后转人工' };

function cluster(c, reload) {
  const base = `/api/admin/inbox/${encodeURIComponent(c.id)}`;
  const entryId = h('input', { class: 'entry-id', placeholder: '条目编号，如 si-001', value: c.entries?.[0] || '' });
  const newId = h('input', { class: 'new-id', placeholder: '新条目编号' });
  const newCategory = h('input', { class: 'new-category', placeholder: '分类' });
  const newAnswer = h('textarea', { class: 'new-answer', rows: 2, placeholder: '答案' });
  const done = (r, text) => { if (r) { say(text, 'ok'); reload(); } };
  const trend = c.trend ? `近7天 ${c.trend.lastWeek} · 前7天 ${c.trend.weekBefore}` : '';
  return h('article', { class: 'card cluster', 'data-cluster': c.id },
    h('header', {}, h('strong', {}, c.label), h('span', { class: 'badge count' }, `${c.count} 次`), h('span', { class: 'hint' }, trend),
      h('span', { class: 'hint' }, Object.entries(c.reasons || {}).map(([r, n]) => `${REASONS[r] || r} ${n}`).join('、')),
      h('span', { class: 'hint' }, `${fmtTime(c.firstSeen)} – ${fmtTime(c.lastSeen)}`)),
    h('ul', { class: 'examples' }, c.examples.map((e) => h('li', {}, e))),
    h('div', { class: 'actions' }, entryId,
      h('button', { class: 'small', onclick: async () => {
        if (!entryId.value.trim()) return say('请填写要加入相似问的条目编号。', 'error');
        done(await attempt(() => post(base + '/similar', { entryId: entryId.value.trim() })), '已生成草稿：相似问加入 ' + entryId.value.trim());
      } }, '加为相似问'),
      h('button', { class: 'small secondary', onclick: async () => done(await attempt(() => post(base + '/dismiss')), '已忽略该问题组') }, '忽略')),
    h('details', {}, h('summary', {}, '新建草稿条目'),
      h('div', { class: 'cols' }, field('编号', newId), field('分类', newCategory)), field('答案', newAnswer),
      h('button', { class: 'small', onclick: async () => {
        const entry = { id: newId.value.trim(), category: newCategory.value.trim(), question: c.label, answer: newAnswer.value.trim() };
        done(await attempt(() => post(base + '/new-entry', { entry })), '已生成新条目草稿 ' + entry.id);
      } }, '生成草稿')));
}

export async function render(main) {
  const reload = () => render(main);
  const r = await get('/api/admin/inbox');
  main.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, '未答问题'),
      h('p', { class: 'hint' }, `近 ${r.days} 天共 ${r.questions} 次未能答好，按语义归为 ${r.count} 组。`)),
    ...(r.clusters.length ? r.clusters.map((c) => cluster(c, reload)) : [h('p', { class: 'card hint' }, '没有待处理的问题。')]));
}
