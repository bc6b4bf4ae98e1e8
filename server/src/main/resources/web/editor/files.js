// 导入导出: upload an .xlsx / .jsonl file (checked row by row; nothing is imported if any row is refused, and what is
// imported becomes drafts for review), and download a version or the entries matching a filter.
import { get, post } from './api.js';
import { h, field, attempt, saveFile, say } from './dom.js';
import { filterQuery } from './entries.js';

const base64 = (file) => new Promise((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
  r.onerror = () => reject(new Error('无法读取文件'));
  r.readAsDataURL(file);
});

function report(box, r) {
  const ok = r.imported;
  box.replaceChildren(h('div', { class: 'card ' + (ok ? 'good' : 'bad'), id: 'import-report' },
    h('p', {}, ok ? `已导入 ${r.filename}：新建 ${r.created} 条、修改 ${r.edited} 条（未变 ${r.unchanged} 条），生成 ${r.changes.length} 个草稿，请到“变更审核”送审。`
      : `未导入任何内容：${r.filename} 中有 ${r.problems.length} 行不合格，请修改后重新上传。`),
    r.problems.length ? h('table', { class: 'grid', id: 'import-problems' }, h('thead', {}, h('tr', {}, h('th', {}, '行'), h('th', {}, '问题'))),
      h('tbody', {}, r.problems.map((p) => h('tr', { 'data-row': p.row }, h('td', {}, p.row), h('td', {}, p.message))))) : null));
}

export async function render(main) {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.xlsx,.jsonl,.json' });
  const result = h('div', {});
  const versions = (await get('/api/admin/kb/versions')).versions;
  const version = h('select', { id: 'export-version' }, versions.map((v) => h('option', { value: v.version }, `版本 ${v.version}（${v.entries} 条）`)));
  const format = h('select', { id: 'export-format' }, h('option', { value: 'xlsx' }, 'Excel（编辑模板）'), h('option', { value: 'jsonl' }, 'JSON Lines'));
  const q = h('input', { id: 'export-q', type: 'search', placeholder: '可选：只导出含此文字的条目' });
  const category = h('input', { id: 'export-category', placeholder: '可选：分类' });
  const upload = async () => {
    const f = file.files[0];
    if (!f) return say('请先选择 .xlsx 或 .jsonl 文件。', 'error');
    try {
      const r = await post('/api/admin/kb/import', { filename: f.name, content: await base64(f) });
      report(result, r);
      say(`已导入 ${r.changes.length} 个草稿`, 'ok');
    } catch (e) {
      if (e.data?.error === 'import_refused') report(result, e.data);
      say(e.message, 'error');
    }
  };
  const download = async () => {
    const query = filterQuery({ format: format.value, version: version.value, q: q.value.trim(), category: category.value.trim(), as: 'json' });
    const f = await attempt(() => get('/api/admin/kb/export?' + query));
    if (f) { saveFile(f); say(`已导出 ${f.filename}`, 'ok'); }
  };
  main.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, '导入'),
      h('p', { class: 'hint' }, '上传编辑模板（.xlsx）或 JSON Lines（.jsonl）。逐行检查，任何一行不合格则整份文件都不导入；导入的新增和修改条目成为草稿，经审核人批准后随下一次发布生效。文件中没有的条目不受影响。'),
      h('div', { class: 'toolbar' }, field('文件', file), h('button', { id: 'import-upload', onclick: upload }, '上传并检查')),
      result),
    h('section', { class: 'card' }, h('h2', {}, '导出'),
      h('div', { class: 'toolbar' }, field('版本', version), field('格式', format), field('文字', q), field('分类', category),
        h('button', { id: 'export-download', onclick: download }, '下载'))));
}
