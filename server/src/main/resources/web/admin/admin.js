// The admin page: users (roles, skill groups, max chats, display name, SIP phone password), disable, reset password; the desk's skill
// groups (routing strategy, per-agent limit, overflow, queue timeout); the phone prompts and hold music (prompts.js). Only ADMIN signs in
// here; the API (/api/admin/users) checks it again.
import { current, me, logout, hasRole, request, signInForm, changeForm } from '/auth/auth.js';
import { h, field, say } from '/editor/dom.js';
import { promptSection } from '/admin/prompts.js';

const ROLES = [
  ['AGENT', '坐席'], ['GROUP_LEADER', '班组长'], ['EDITOR', '知识编辑'], ['REVIEWER', '审核人'], ['SUPERVISOR', '主管'], ['ADMIN', '管理员'],
];
const roleName = (r) => (ROLES.find(([code]) => code === r) || [r, r])[1];
const main = document.getElementById('view');

function showSignIn(notice) {
  document.getElementById('who').replaceChildren();
  main.replaceChildren(signInForm({ title: '管理员登录', roles: ['ADMIN'], notice, onDone: () => { say(''); render(); } }));
}

function showWho(s) {
  document.getElementById('who').replaceChildren(s.user.displayName,
    h('button', { class: 'link', id: 'change-password', onclick: () => main.replaceChildren(changeForm(() => { say('密码已修改'); render(); })) }, '修改密码'),
    h('button', { class: 'link', id: 'signout', onclick: async () => { await logout().catch(() => {}); say(''); showSignIn(); } }, '退出'));
}

async function render() {
  if (!current() && !(await me().catch(() => null))) return showSignIn();
  if (!hasRole(current(), 'ADMIN')) return showSignIn('此账号不是管理员，请换一个账号登录');
  showWho(current());
  try {
    const [{ users }, { skillGroups, groups }] = await Promise.all([request('GET', '/api/admin/users'), request('GET', '/api/admin/skill-groups')]);
    main.replaceChildren(
      h('section', { class: 'card' }, h('header', {}, h('h2', {}, `用户（${users.length}）`),
        h('button', { id: 'user-new', onclick: () => openForm(null, skillGroups, users) }, '新建用户')),
      table(users, skillGroups)),
      h('div', { id: 'user-form-box' }),
      groupSection(groups, users),
      promptSection());
  } catch (e) {
    say(e.message, 'error');
  }
}

function table(users, groups) {
  return h('table', { class: 'users', id: 'users' },
    h('thead', {}, h('tr', {}, ['用户名', '姓名', '角色', '技能组', '最大会话数', '状态', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, users.map((u) => h('tr', { 'data-user': u.username, class: u.disabled ? 'disabled' : null },
      h('td', {}, u.username), h('td', {}, u.displayName), h('td', {}, u.roles.map(roleName).join('、')),
      h('td', {}, u.skillGroups.join('、') || '—'), h('td', {}, String(u.maxChats)),
      h('td', {}, u.disabled ? '已停用' : u.mustChangePassword ? '待改密码' : '正常'),
      h('td', {}, h('button', { class: 'link edit', onclick: () => openForm(u, groups, users) }, '编辑'), ' ',
        h('button', { class: 'link reset', onclick: () => openReset(u) }, '重置密码'))))));
}

/** The create form ({@code u} null) or the edit form of one user. */
function openForm(u, groups, users) {
  const box = document.getElementById('user-form-box');
  const known = [...new Set([...groups, ...users.flatMap((x) => x.skillGroups)])];
  const username = h('input', { id: 'form-username', required: true, maxlength: 64, value: u?.username, disabled: !!u });
  const name = h('input', { id: 'form-display-name', maxlength: 100, value: u?.displayName });
  const password = u ? null : h('input', { id: 'form-password', type: 'password', required: true, autocomplete: 'new-password' });
  const mustChange = u ? null : h('input', { id: 'form-must-change', type: 'checkbox' });
  if (mustChange) mustChange.checked = true;
  const roleBoxes = ROLES.map(([code, label]) => checkbox('role', code, label, u?.roles.includes(code) ?? code === 'AGENT'));
  const groupBoxes = known.map((g) => checkbox('group', g, g, !!u?.skillGroups.includes(g)));
  const more = h('input', { id: 'form-groups-more', placeholder: '其他技能组编码，用逗号分隔' });
  const maxChats = h('input', { id: 'form-max-chats', type: 'number', min: 0, max: 50, value: String(u?.maxChats ?? 3) });
  const disabled = u ? h('input', { id: 'form-disabled', type: 'checkbox' }) : null;
  if (disabled) disabled.checked = u.disabled;
  const sip = sipPasswordField(u);
  const form = h('form', { class: 'card user-form', id: 'user-form' },
    h('h2', {}, u ? `编辑用户 ${u.username}` : '新建用户'),
    h('div', { class: 'row' }, field('用户名', username), field('姓名', name)),
    password ? h('div', { class: 'row' }, field('初始密码', password), field('首次登录须修改密码', mustChange)) : null,
    h('p', { class: 'hint' }, '角色'), h('div', { class: 'checks', id: 'form-roles' }, roleBoxes.map((x) => x.label)),
    h('p', { class: 'hint' }, '技能组'), h('div', { class: 'checks', id: 'form-groups' }, groupBoxes.map((x) => x.label)), field('其他技能组', more),
    h('div', { class: 'row' }, field('最大同时会话数', maxChats), disabled ? field('停用此账号', disabled) : null),
    sip.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'form-save' }, '保存'),
      h('button', { type: 'button', class: 'link', onclick: () => box.replaceChildren() }, '取消')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const extra = more.value.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
    const body = {
      displayName: name.value.trim(),
      roles: roleBoxes.filter((x) => x.input.checked).map((x) => x.input.value),
      skillGroups: [...groupBoxes.filter((x) => x.input.checked).map((x) => x.input.value), ...extra],
      maxChats: Number(maxChats.value),
    };
    try {
      if (u) {
        body.disabled = disabled.checked;
        await request('PUT', `/api/admin/users/${u.id}`, body);
        await sip.save(u.id);
        say(`已保存用户 ${u.username}`);
      } else {
        Object.assign(body, { username: username.value.trim(), password: password.value, mustChangePassword: mustChange.checked });
        const created = await request('POST', '/api/admin/users', body);
        await sip.save(created.id);
        say(`已创建用户 ${body.username}`);
      }
      render();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  box.replaceChildren(form);
  form.scrollIntoView();
}

/**
 * "SIP 话机密码": the password the user's softphone registers with (separate from signing in). Empty keeps it as it is;
 * the server stores only its digest hash, so the page can say whether one is set but never show it.
 */
function sipPasswordField(u) {
  const input = h('input', { id: 'form-sip-password', type: 'password', minlength: 8, autocomplete: 'new-password',
    placeholder: u ? '不修改请留空（至少 8 位）' : '留空则该用户不能注册话机' });
  const state = h('span', { id: 'form-sip-state' }, u ? '' : '未设置');
  const clear = h('button', { type: 'button', class: 'link', id: 'form-sip-clear', hidden: true }, '清除');
  const show = (set) => { state.textContent = set ? '已设置' : '未设置'; clear.hidden = !set; };
  clear.addEventListener('click', async () => {
    try {
      await request('DELETE', `/api/admin/users/${u.id}/sip-password`);
      show(false);
      say(`已清除 ${u.username} 的 SIP 话机密码`);
    } catch (e) {
      say(e.message, 'error');
    }
  });
  if (u) request('GET', `/api/admin/users/${u.id}/sip-password`).then((s) => show(s.set)).catch(() => { state.textContent = ''; });
  const row = h('div', { class: 'row' }, field('SIP 话机密码', input), h('p', { class: 'hint' }, '话机注册：', state, ' ', clear));
  const save = async (id) => {
    if (input.value) await request('PUT', `/api/admin/users/${id}/sip-password`, { password: input.value });
  };
  return { row, save };
}

function openReset(u) {
  const box = document.getElementById('user-form-box');
  const password = h('input', { id: 'reset-password', type: 'password', required: true, autocomplete: 'new-password' });
  const form = h('form', { class: 'card user-form', id: 'reset-form' }, h('h2', {}, `重置 ${u.username} 的密码`),
    h('p', { class: 'hint' }, '重置后该用户的所有登录会话立即失效，下次登录须修改密码。'), field('新密码', password),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'reset-save' }, '重置密码'),
      h('button', { type: 'button', class: 'link', onclick: () => box.replaceChildren() }, '取消')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await request('POST', `/api/admin/users/${u.id}/password`, { password: password.value });
      say(`已重置 ${u.username} 的密码`);
      box.replaceChildren();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  box.replaceChildren(form);
}

const STRATEGIES = [['least-busy', '最少会话优先'], ['round-robin', '轮流分配'], ['longest-idle', '空闲最久优先']];

/** The desk's skill groups: how each routes, how many chats an agent takes in it, where it overflows. */
function groupSection(groups, users) {
  const members = (code) => users.filter((u) => u.skillGroups.includes(code)).length;
  return h('section', { class: 'card', id: 'groups-card' },
    h('header', {}, h('h2', {}, `技能组（${groups.length}）`), h('button', { id: 'group-new', onclick: () => openGroup(null, groups) }, '新建技能组')),
    h('table', { class: 'users', id: 'groups' },
      h('thead', {}, h('tr', {}, ['编码', '名称', '分配策略', '每人上限', '溢出到', '排队超时', '成员', '状态', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, groups.map((g) => h('tr', { 'data-group': g.code, class: g.enabled ? null : 'disabled' },
        h('td', {}, g.code), h('td', {}, g.name), h('td', {}, (STRATEGIES.find(([k]) => k === g.strategy) || [g.strategy, g.strategy])[1]),
        h('td', {}, g.saturation ? String(g.saturation) : '按个人上限'),
        h('td', {}, g.overflowGroup ? `${g.overflowGroup}（${g.overflowAfterSeconds} 秒后）` : '—'),
        h('td', {}, `${Math.round(g.queueTimeoutSeconds / 60)} 分钟`), h('td', {}, String(members(g.code))),
        h('td', {}, g.enabled ? '启用' : '停用'),
        h('td', {}, h('button', { class: 'link edit', onclick: () => openGroup(g, groups) }, '编辑'), ' ',
          h('button', { class: 'link delete', onclick: (ev) => removeGroup(ev.target, g) }, '删除')))))),
    h('div', { id: 'group-form-box' }));
}

function openGroup(g, groups) {
  const box = document.getElementById('group-form-box');
  const code = h('input', { id: 'group-code', required: true, maxlength: 64, value: g?.code, disabled: !!g });
  const name = h('input', { id: 'group-name', maxlength: 200, value: g?.name });
  const strategy = h('select', { id: 'group-strategy' }, STRATEGIES.map(([k, label]) => h('option', { value: k }, label)));
  strategy.value = g?.strategy || 'least-busy';
  const saturation = h('input', { id: 'group-saturation', type: 'number', min: 0, max: 50, value: String(g?.saturation ?? 0) });
  const overflow = h('select', { id: 'group-overflow' }, h('option', { value: '' }, '不溢出'),
    groups.filter((x) => x.code !== g?.code).map((x) => h('option', { value: x.code }, x.name)));
  overflow.value = g?.overflowGroup || '';
  const after = h('input', { id: 'group-overflow-after', type: 'number', min: 0, value: String(g?.overflowAfterSeconds ?? 0) });
  const timeout = h('input', { id: 'group-timeout', type: 'number', min: 1, value: String(Math.round((g?.queueTimeoutSeconds ?? 600) / 60)) });
  const welcome = h('input', { id: 'group-welcome', maxlength: 1000, value: g?.welcome });
  const enabled = h('input', { id: 'group-enabled', type: 'checkbox' });
  enabled.checked = g ? g.enabled : true;
  const form = h('form', { class: 'card user-form', id: 'group-form' }, h('h2', {}, g ? `编辑技能组 ${g.code}` : '新建技能组'),
    h('div', { class: 'row' }, field('编码', code), field('名称', name)),
    h('div', { class: 'row' }, field('分配策略', strategy), field('每人同时会话上限（0 = 按个人上限）', saturation)),
    h('div', { class: 'row' }, field('溢出到', overflow), field('等待多少秒后溢出', after)),
    h('div', { class: 'row' }, field('排队超时（分钟）', timeout), field('启用', enabled)), field('排队欢迎语（可空）', welcome),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'group-save' }, '保存'),
      h('button', { type: 'button', class: 'link', onclick: () => box.replaceChildren() }, '取消')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const c = g ? g.code : code.value.trim();
    try {
      await request('PUT', `/api/admin/skill-groups/${encodeURIComponent(c)}`, {
        name: name.value.trim() || c, strategy: strategy.value, saturation: Number(saturation.value), overflowGroup: overflow.value || null,
        overflowAfterSeconds: Number(after.value), queueTimeoutSeconds: Number(timeout.value) * 60, welcome: welcome.value.trim() || null,
        enabled: enabled.checked,
      });
      say(`已保存技能组 ${c}`);
      render();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  box.replaceChildren(form);
  form.scrollIntoView();
}

/** Deleting asks once more on the button itself. */
async function removeGroup(button, g) {
  if (button.dataset.armed !== 'yes') {
    button.dataset.armed = 'yes';
    button.textContent = '确认删除？';
    return;
  }
  try {
    await request('DELETE', `/api/admin/skill-groups/${encodeURIComponent(g.code)}`);
    say(`已删除技能组 ${g.code}`);
    render();
  } catch (e) {
    say(e.message, 'error');
  }
}

function checkbox(name, value, label, checked) {
  const input = h('input', { type: 'checkbox', name, value });
  input.checked = checked;
  return { input, label: h('label', {}, input, ' ', label) };
}

window.addEventListener('hotline-signed-out', (ev) => showSignIn(ev.detail));
window.addEventListener('hotline-password-change', () => main.replaceChildren(changeForm(() => render())));
render();
