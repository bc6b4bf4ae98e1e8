// 到期提醒: published entries whose validity ends within N days (they stop being answered after their last day), and
// those already expired; 编辑 opens the entry in the 条目 view's search.
import { get } from './api.js';
import { h, field, attempt } from './dom.js';

export async function render(main) {
  const days = h('input', { id: 'expiring-days', type: 'number', min: 0, max: 366, style: 'width:6em' });
  const box = h('div', {});
  const row = (e, left) => h('tr', { 'data-id': e.id }, h('td', {}, e.id), h('td', {}, e.question), h('td', {}, e.validTo), left,
    h('td', {}, h('a', { class: 'button small secondary', href: '#entries/' + encodeURIComponent(e.id) }, '去修改')));
  const load = async () => {
    const r = await get('/api/admin/kb/expiring' + (days.value ? '?days=' + days.value : ''));
    days.value = r.days;
    box.replaceChildren(
      h('section', { class: 'card' }, h('h2', {}, `${r.days} 天内到期（${r.count} 条）`),
        h('table', { class: 'grid', id: 'expiring-rows' }, h('thead', {}, h('tr', {}, ['编号', '标准问题', '有效期至', '剩余天数', ''].map((t) => h('th', {}, t)))),
          h('tbody', {}, r.entries.map((e) => row(e, h('td', { class: e.daysLeft <= 3 ? 'bad' : '' }, `${e.daysLeft} 天`)))))),
      h('section', { class: 'card' }, h('h2', {}, `已过期、不再回答（${r.expired.length} 条）`),
        h('table', { class: 'grid', id: 'expired-rows' }, h('tbody', {}, r.expired.map((e) => row(e, h('td', { class: 'bad' }, '已过期')))))));
  };
  main.replaceChildren(
    h('section', { class: 'card' }, h('div', { class: 'toolbar' }, field('提前天数', days), h('button', { id: 'expiring-show', onclick: () => attempt(load) }, '查看'))),
    box);
  await load();
}
