// 条目: search and filter the current entries (category, status, text) and open one in the edit form.
import { get } from './api.js';
import { h, field } from './dom.js';
import { openForm } from './entry-form.js';

/** Every entry of the newest version (its diff against nothing), and the open changes by entry id. */
async function load() {
  const versions = (await get('/api/admin/kb/versions')).versions;
  const newest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  const entries = newest ? (await get(`/api/admin/kb/versions/${newest}/diff?against=0`)).added : [];
  const open = new Map();
  for (const status of ['draft', 'approved']) {
    for (const c of (await get('/api/admin/kb/changes?status=' + status)).changes) open.set(c.entryId, c);
  }
  return { entries, open, newest };
}

function stateOf(e, open, today) {
  if (open.has(e.id)) return 'open';
  if (e.status === 'disabled') return 'disabled';
  if (e.valid_to && e.valid_to < today) return 'expired';
  if (e.valid_from && e.valid_from > today) return 'future';
  return 'live';
}

const STATES = { live: '生效中', open: '有待发布变更', disabled: '已停用', expired: '已过期', future: '未生效' };

export async function render(main) {
  const { entries, open, newest } = await load();
  const today = new Date().toISOString().slice(0, 10);
  const categories = [...new Set(entries.map((e) => e.category))].sort();
  const text = h('input', { id: 'filter-text', type: 'search', placeholder: '问题、相似问或答案中的文字' });
  const category = h('select', { id: 'filter-category' }, h('option', { value: '' }, '全部分类'), categories.map((c) => h('option', { value: c }, c)));
  const state = h('select', { id: 'filter-status' }, h('option', { value: '' }, '全部状态'),
    Object.entries(STATES).map(([k, v]) => h('option', { value: k }, v)));
  const list = h('tbody', { id: 'entry-rows' });
  const count = h('span', { class: 'hint' });

  function refresh() {
    const q = text.value.trim();
    const shown = entries.filter((e) => (!category.value || e.category === category.value)
      && (!state.value || stateOf(e, open, today) === state.value)
      && (!q || [e.id, e.question, e.answer, ...(e.similar || [])].some((s) => s && s.includes(q))));
    count.textContent = `共 ${shown.length} 条（版本 ${newest}）`;
    list.replaceChildren(...shown.slice(0, 200).map((e) => h('tr', { 'data-id': e.id },
      h('td', {}, e.id), h('td', {}, e.category), h('td', {}, e.question),
      h('td', {}, h('span', { class: 'badge ' + stateOf(e, open, today) }, STATES[stateOf(e, open, today)])),
      h('td', {}, e.valid_to || ''),
      h('td', {}, h('button', { class: 'small', onclick: () => openForm(main, e, open.get(e.id)) }, '编辑')))));
  }
  for (const c of [text, category, state]) c.addEventListener('input', refresh);
  main.replaceChildren(
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, field('搜索', text), field('分类', category), field('状态', state),
        h('button', { id: 'new-entry', onclick: () => openForm(main, null, null) }, '新建条目')),
      count,
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['编号', '分类', '标准问题', '状态', '有效期至', ''].map((t) => h('th', {}, t)))), list)));
  refresh();
}
