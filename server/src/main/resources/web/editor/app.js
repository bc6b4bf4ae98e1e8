// The console's shell: the sign-in box, the navigation, and hash routing to one module per view.
import { session, signIn, signOut, get } from './api.js';
import { h, field, say } from './dom.js';

const views = {
  entries: () => import('./entries.js'),
  changes: () => import('./changes.js'),
  publish: () => import('./publish.js'),
  versions: () => import('./versions.js'),
  inbox: () => import('./inbox.js'),
  reports: () => import('./reports.js'),
  files: () => import('./files.js'),
  expiring: () => import('./expiring.js'),
  audit: () => import('./audit.js'),
};

const main = document.getElementById('view');

function showSignIn() {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').replaceChildren();
  const token = h('input', { id: 'signin-token', type: 'password', required: true, autocomplete: 'off' });
  const user = h('input', { id: 'signin-user', required: true, maxlength: 64 });
  const role = h('select', { id: 'signin-role' }, h('option', { value: 'editor' }, '编辑'), h('option', { value: 'reviewer' }, '审核人'));
  const form = h('form', { class: 'card signin', id: 'signin' },
    h('h2', {}, '登录'),
    h('p', { class: 'hint' }, '账号体系上线前的临时办法：输入管理令牌、您的姓名和角色，仅保存在本标签页中。'),
    field('管理令牌', token), field('姓名', user), field('角色', role),
    h('button', { type: 'submit', id: 'signin-submit' }, '登录'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    signIn(token.value.trim(), user.value.trim(), role.value);
    try {
      await get('/api/admin/kb/versions'); // proves the token before the console opens
      say('');
      route();
    } catch (e) {
      signOut();
      say(e.message, 'error');
    }
  });
  main.replaceChildren(form);
}

function showWho(s) {
  const out = h('button', { class: 'link', id: 'signout', onclick: () => { signOut(); say(''); showSignIn(); } }, '退出');
  document.getElementById('who').replaceChildren(`${s.user}（${s.role === 'reviewer' ? '审核人' : '编辑'}）`, out);
}

async function route() {
  const s = session();
  if (!s) return showSignIn();
  showWho(s);
  document.getElementById('nav').hidden = false;
  const name = (location.hash.slice(1).split('/')[0]) || 'entries';
  const load = views[name] || views.entries;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === name);
  // each visit renders into a box of its own: a slow render of a view left meanwhile lands in a detached box
  const box = h('div', { class: 'view-' + name }, h('p', { class: 'hint' }, '加载中…'));
  main.replaceChildren(box);
  try {
    const view = await load();
    await view.render(box, location.hash.slice(1).split('/').slice(1));
  } catch (e) {
    box.replaceChildren(h('p', { class: 'hint' }, '此页面未能加载。'));
    say(e.message, 'error');
  }
}

document.getElementById('nav').addEventListener('click', () => say(''));
window.addEventListener('hashchange', route);
route();
