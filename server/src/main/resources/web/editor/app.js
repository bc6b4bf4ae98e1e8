// The console's shell: the sign-in form (/auth/auth.js), the navigation, and hash routing to one module per view.
import { session } from './api.js';
import { current, me, logout, hasRole, signInForm, changeForm } from '/auth/auth.js';
import { h, say } from './dom.js';

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

function showSignIn(notice) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').replaceChildren();
  main.replaceChildren(signInForm({
    title: '登录', hint: '使用知识编辑、审核人或主管账号登录。', roles: ['EDITOR', 'REVIEWER', 'SUPERVISOR'], notice,
    onDone: () => { say(''); route(); },
  }));
}

function showWho(s) {
  const out = h('button', { class: 'link', id: 'signout', onclick: async () => { await logout().catch(() => {}); say(''); showSignIn(); } }, '退出');
  const pw = h('button', { class: 'link', id: 'change-password', onclick: () => main.replaceChildren(changeForm(() => { say('密码已修改'); route(); })) }, '修改密码');
  const label = onlySupervisor() ? '主管' : s.role === 'reviewer' ? '审核人' : '编辑';
  document.getElementById('who').replaceChildren(`${s.name}（${label}）`, pw, out);
}

/** A supervisor who neither edits nor reviews sees only 报表 (the question and service-level reports). */
const onlySupervisor = () => !hasRole(current(), 'EDITOR', 'REVIEWER');

async function route() {
  if (!current() && !(await me().catch(() => null))) return showSignIn();
  if (!hasRole(current(), 'EDITOR', 'REVIEWER', 'SUPERVISOR')) return showSignIn('此账号没有进入编辑台的权限，请换一个账号登录');
  const s = session();
  showWho(s);
  document.getElementById('nav').hidden = false;
  for (const a of document.querySelectorAll('#nav a')) a.hidden = onlySupervisor() && a.dataset.view !== 'reports';
  const name = onlySupervisor() ? 'reports' : (location.hash.slice(1).split('/')[0]) || 'entries';
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
window.addEventListener('hotline-signed-out', (ev) => showSignIn(ev.detail));
window.addEventListener('hotline-password-change', () => main.replaceChildren(changeForm(() => route())));
route();
