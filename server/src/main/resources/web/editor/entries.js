// 条目: the newest version's entries, searched and paged on the server (text, category, state, expiry, last change);
// 编辑 opens one in the edit form. #entries/<text> opens it searched for <text>.
import { get } from './api.js';
import { h, field, fmtTime, attempt } from './dom.js';
import { openForm } from './entry-form.js';

const STATES = { live: '生效中', open: '有待发布变更', disabled: '已停用', expired: '已过期', future: '未生效' };
const PAGE = 50;

/** The query string of the filters, shared with the export view's "export what I filtered". */
export function filterQuery(f) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== '' && v != null) p.set(k, v);
  return p.toString();
}

/** args[0]: a text to search for at once (#entries/si-001, from the expiry reminders). */
export async function render(main, args = []) {
  const text = h('input', { id: 'filter-text', type: 'search', placeholder: '编号、问题、相似问、答案或关键词中的文字',
    value: args[0] ? decodeURIComponent(args[0]) : '' });
  const category = h('select', { id: 'filter-category' }, h('option', { value: '' }, '全部分类'));
  const state = h('select', { id: 'filter-status' }, h('option', { value: '' }, '全部状态'),
    Object.entries(STATES).map(([k, v]) => h('option', { value: k }, v)));
  const expiring = h('input', { id: 'filter-expiring', type: 'number', min: 0, max: 3660, placeholder: '天数', style: 'width:6em' });
  const changedFrom = h('input', { id: 'filter-changed-from', type: 'date' });
  const sort = h('select', { id: 'filter-sort' }, h('option', { value: 'id' }, '按编号'), h('option', { value: 'changed' }, '最近修改在前'));
  const list = h('tbody', { id: 'entry-rows' });
  const count = h('span', { class: 'hint', id: 'entry-count' });
  const prev = h('button', { class: 'small secondary', id: 'page-prev' }, '上一页');
  const next = h('button', { class: 'small secondary', id: 'page-next' }, '下一页');
  let offset = 0;
  let seq = 0;

  const filters = () => ({ q: text.value.trim(), category: category.value, state: state.value, expiringDays: expiring.value,
    changedFrom: changedFrom.value, sort: sort.value });

  async function refresh() {
    const mine = ++seq; // a slow answer to an older filter must not overwrite a newer one
    const r = await get(`/api/admin/kb/entries?${filterQuery(filters())}&offset=${offset}&limit=${PAGE}`);
    if (mine !== seq) return;
    if (category.options.length === 1) category.append(...r.categories.map((c) => h('option', { value: c }, c)));
    count.textContent = `共 ${r.total} 条（版本 ${r.version}）` + (r.total > PAGE ? `，第 ${offset + 1}–${offset + r.entries.length} 条` : '');
    prev.disabled = offset === 0;
    next.disabled = offset + r.entries.length >= r.total;
    list.replaceChildren(...r.entries.map(({ entry: e, state: s, lastChanged, openChange }) => h('tr', { 'data-id': e.id },
      h('td', {}, e.id), h('td', {}, e.category), h('td', {}, e.question),
      h('td', {}, h('span', { class: 'badge ' + s }, STATES[s] || s)),
      h('td', {}, e.valid_to || ''), h('td', { class: 'hint' }, fmtTime(lastChanged)),
      h('td', {}, h('button', { class: 'small', onclick: () => openForm(main, e, openChange) }, '编辑')))));
  }
  let timer;
  const again = () => { offset = 0; clearTimeout(timer); timer = setTimeout(() => attempt(refresh), 250); };
  text.addEventListener('input', again);
  for (const c of [category, state, expiring, changedFrom, sort]) c.addEventListener('change', again);
  prev.addEventListener('click', () => { offset = Math.max(0, offset - PAGE); attempt(refresh); });
  next.addEventListener('click', () => { offset += PAGE; attempt(refresh); });
  main.replaceChildren(
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, field('搜索', text), field('分类', category), field('状态', state),
        field('有效期在几天内结束', expiring), field('修改日期起', changedFrom), field('排序', sort),
        h('button', { id: 'new-entry', onclick: () => openForm(main, null, null) }, '新建条目')),
      h('div', { class: 'actions' }, count, prev, next),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['编号', '分类', '标准问题', '状态', '有效期至', '最近修改', ''].map((t) => h('th', {}, t)))), list)));
  await refresh();
}
