// The edit form of one entry. Before a draft is saved, every new similar question (and a new standard question) is
// checked against the live index: a collision (another entry already answers it) is shown and must be confirmed.
import { post } from './api.js';
import { h, field, say, attempt } from './dom.js';

const lines = (s) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function openForm(main, entry, openChange) {
  const e = entry || { id: '', category: '', question: '', similar: [], answer: '' };
  const id = h('input', { id: 'f-id', value: e.id, required: true, readonly: entry ? true : null });
  const category = h('input', { id: 'f-category', value: e.category, required: true });
  const question = h('input', { id: 'f-question', value: e.question, required: true });
  const similar = h('textarea', { id: 'f-similar', rows: 5 });
  similar.value = (e.similar || []).join('\n');
  const answer = h('textarea', { id: 'f-answer', rows: 6, required: true });
  answer.value = e.answer || '';
  const voice = h('textarea', { id: 'f-voice', rows: 3, placeholder: '电话渠道朗读的版本，可留空' });
  voice.value = e.voice_answer || '';
  const keywords = h('input', { id: 'f-keywords', value: (e.keywords || []).join('，') });
  const validFrom = h('input', { id: 'f-valid-from', type: 'date', value: e.valid_from || '' });
  const validTo = h('input', { id: 'f-valid-to', type: 'date', value: e.valid_to || '' });
  const disabled = h('input', { id: 'f-disabled', type: 'checkbox', checked: e.status === 'disabled' });
  const checks = h('div', { id: 'collisions', class: 'collisions' });
  const save = h('button', { type: 'submit', id: 'save' }, '检查并保存为草稿');
  let confirmed = false;

  function draft() {
    const d = { id: id.value.trim(), category: category.value.trim(), question: question.value.trim(),
      similar: lines(similar.value), answer: answer.value.trim() };
    if (voice.value.trim()) d.voice_answer = voice.value.trim();
    const kw = keywords.value.split(/[,，\s]+/).map((k) => k.trim()).filter(Boolean);
    if (kw.length) d.keywords = kw;
    if (validFrom.value) d.valid_from = validFrom.value;
    if (validTo.value) d.valid_to = validTo.value;
    if (disabled.checked) d.status = 'disabled';
    return d;
  }

  /** Checks the new questions; true when none collides. Shows the result either way. */
  async function check(d) {
    const old = new Set([e.question, ...(e.similar || [])]);
    const fresh = [d.question, ...d.similar].filter((q) => !old.has(q));
    const rows = [];
    let collision = false;
    for (const q of fresh) {
      const r = await post('/api/admin/kb/check-similar', { entryId: d.id, question: q });
      collision ||= r.collision;
      rows.push(h('li', { class: r.collision ? 'bad' : 'good' }, `“${q}”：`,
        r.collision ? `已被其他条目命中 — ${r.others.slice(0, 3).map((o) => `${o.entryId}（${o.question}，${o.score.toFixed(2)}）`).join('；')}` : '无冲突'));
    }
    checks.replaceChildren(h('h3', {}, '相似问冲突检查'),
      fresh.length ? h('ul', {}, rows) : h('p', { class: 'hint' }, '没有新增的问题，无需检查。'));
    return !collision;
  }

  const form = h('form', { class: 'card form', id: 'entry-form' },
    h('h2', {}, entry ? `编辑条目 ${e.id}` : '新建条目'),
    openChange ? h('p', { class: 'warn' }, `此条目已有未发布的变更 #${openChange.id}（${openChange.author}），需先撤回或发布后才能再次修改。`) : null,
    h('div', { class: 'cols' }, field('编号', id), field('分类', category)),
    field('标准问题', question),
    field('相似问题（每行一个）', similar),
    field('答案（网页/微信）', answer),
    field('语音答案', voice),
    field('关键词（逗号分隔）', keywords),
    h('div', { class: 'cols' }, field('生效日期', validFrom), field('失效日期', validTo), field('停用', disabled)),
    checks,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'check-similar',
      onclick: () => attempt(async () => { confirmed = await check(draft()); }) }, '检查相似问冲突'), save,
      entry ? h('button', { type: 'button', class: 'danger', id: 'delete-entry', onclick: remove }, '删除条目') : null,
      h('button', { type: 'button', class: 'secondary', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, '返回列表')));

  for (const input of [question, similar]) input.addEventListener('input', () => { confirmed = false; save.textContent = '检查并保存为草稿'; });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    attempt(async () => {
      const d = draft();
      if (!confirmed && !(await check(d))) {
        confirmed = true;
        save.textContent = '仍然保存';
        say('新问题与其他条目冲突，请确认后再次点击“仍然保存”。', 'error');
        return;
      }
      const c = await post('/api/admin/kb/changes', entry ? { kind: 'edit', entryId: e.id, entry: d } : { kind: 'create', entry: d });
      say(`已保存为草稿 #${c.id}，等待审核人批准。`, 'ok');
      location.hash = '#changes';
    });
  });

  async function remove() {
    if (!form.dataset.confirmDelete) {
      form.dataset.confirmDelete = '1';
      document.getElementById('delete-entry').textContent = '确认删除？';
      return;
    }
    const c = await attempt(() => post('/api/admin/kb/changes', { kind: 'delete', entryId: e.id }));
    if (c) { say(`删除已保存为草稿 #${c.id}。`, 'ok'); location.hash = '#changes'; }
  }

  main.replaceChildren(form);
  question.focus();
}
