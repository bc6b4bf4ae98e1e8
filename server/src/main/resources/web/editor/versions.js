// 版本: the published knowledge-base versions, the readable diff of one against the previous, and one-action rollback.
import { get, post, isReviewer } from './api.js';
import { h, say, attempt, fmtTime } from './dom.js';

const FIELDS = { question: '标准问题', similar: '相似问题', answer: '答案', voice_answer: '语音答案', category: '分类',
  keywords: '关键词', valid_from: '生效日期', valid_to: '失效日期', status: '状态' };
const show = (v) => (Array.isArray(v) ? v.join('\n') : v ?? '');

function diffView(d) {
  const entry = (e) => h('li', {}, h('strong', {}, e.id), ' ', e.question);
  return h('section', { class: 'card', id: 'diff' },
    h('h2', {}, `版本 ${d.version} 与版本 ${d.against} 的差异`),
    h('p', { class: 'hint' }, `新增 ${d.added.length} · 删除 ${d.removed.length} · 修改 ${d.changed.length}`),
    d.added.length ? [h('h3', {}, '新增条目'), h('ul', { class: 'added' }, d.added.slice(0, 200).map(entry))] : null,
    d.removed.length ? [h('h3', {}, '删除条目'), h('ul', { class: 'removed' }, d.removed.map(entry))] : null,
    d.changed.map((c) => h('div', { class: 'changed', 'data-entry': c.entryId },
      h('h3', {}, `修改 ${c.entryId}：${c.after?.question || ''}`),
      h('table', { class: 'diff' }, h('tr', {}, h('th', {}, ''), h('th', {}, '修改前'), h('th', {}, '修改后')),
        c.fields.map((f) => h('tr', {}, h('th', {}, FIELDS[f] || f),
          f === 'similar'
            ? [h('td', { class: 'before' }, c.similarRemoved.map((q) => '－ ' + q).join('\n')), h('td', { class: 'after' }, c.similarAdded.map((q) => '＋ ' + q).join('\n'))]
            : [h('td', { class: 'before' }, show(c.values[f]?.before)), h('td', { class: 'after' }, show(c.values[f]?.after))]))))));
}

export async function render(main) {
  const { versions } = await get('/api/admin/kb/versions');
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const live = sorted[0]?.version;
  const detail = h('div', { id: 'version-detail' });
  async function open(v) {
    const d = await attempt(() => get(`/api/admin/kb/versions/${v}/diff`));
    if (d) detail.replaceChildren(diffView(d));
  }
  function rollbackButton(v) {
    if (!isReviewer() || v.version === live) return null;
    const b = h('button', { class: 'small danger rollback', 'data-version': v.version }, '回滚到此版本');
    b.addEventListener('click', async () => {
      if (!b.dataset.armed) { b.dataset.armed = '1'; b.textContent = `确认回滚到版本 ${v.version}？`; return; }
      const r = await attempt(() => post(`/api/admin/kb/versions/${v.version}/rollback`, { note: `回滚到版本 ${v.version}` }));
      if (r) { await render(main); say(`已回滚：新版本 ${r.version} 使用版本 ${v.version} 的内容，各节点正在后台切换。`, 'ok'); }
    });
    return b;
  }
  main.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, '知识库版本'),
      h('table', { class: 'grid', id: 'versions' }, h('thead', {}, h('tr', {}, ['版本', '发布时间', '条目数', '说明', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, sorted.map((v) => h('tr', { 'data-version': v.version },
          h('td', {}, v.version, v.version === live ? h('span', { class: 'badge live' }, '当前') : null),
          h('td', {}, fmtTime(v.publishedAt)), h('td', {}, v.entries), h('td', {}, v.note || ''),
          h('td', {}, v.version > 1 ? h('button', { class: 'small secondary show-diff', onclick: () => open(v.version) }, '查看差异') : null, ' ', rollbackButton(v))))))),
    detail);
}
