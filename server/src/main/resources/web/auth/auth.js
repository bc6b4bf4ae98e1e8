// Signing in to any console (editor, admin, agent desk). The session itself is an HttpOnly cookie the page cannot
// read; the page keeps who is signed in and the CSRF token (sent as X-CSRF-Token on every request that changes
// something) in sessionStorage, and asks GET /api/auth/me after a reload.

const KEY = 'hotline-auth';

/** {user: {id, username, displayName, roles, skillGroups, …}, csrf} or null. */
export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

function remember(s) {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  return s;
}

/** Forgets who is signed in (after a 401 or sign-out) and tells the page, which shows its sign-in form again. */
export function forget(reason) {
  remember(null);
  window.dispatchEvent(new CustomEvent('hotline-signed-out', { detail: reason || '' }));
}

export const hasRole = (s, ...roles) => !!s && (s.user.roles.includes('ADMIN') || roles.some((r) => s.user.roles.includes(r)));

/** One call with the session: JSON in and out; an error response becomes an Error carrying the API's code and message. */
export async function request(method, path, body, extraHeaders = {}) {
  const headers = { 'Content-Type': 'application/json', ...extraHeaders };
  const s = current();
  if (s && method !== 'GET') headers['X-CSRF-Token'] = s.csrf;
  let r;
  try {
    r = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!r.ok) {
    const err = new Error(describe(r.status, data));
    err.status = r.status;
    err.code = data?.error;
    err.data = data;
    if (r.status === 401 && !path.startsWith('/api/auth/login')) forget(err.message);
    if (data?.error === 'password_change_required') window.dispatchEvent(new CustomEvent('hotline-password-change'));
    throw err;
  }
  return data;
}

function describe(status, data) {
  switch (data?.error) {
    case 'bad_credentials': return '用户名或密码错误';
    case 'account_locked': return '密码错误次数过多，账号已暂时锁定，请稍后再试';
    case 'session_expired': return '登录已过期，请重新登录';
    case 'not_signed_in': return '请先登录';
    case 'forbidden': return '您的账号没有此操作的权限';
    case 'csrf': return '页面已过期，请刷新后重试';
    case 'password_change_required': return '请先修改初始密码';
    case 'bad_current_password': return '当前密码不正确';
    case 'weak_password': return '新密码太短：' + (data.message || '');
    case 'same_password': return '新密码不能与当前密码相同';
    default:
      if (data?.error) return `操作未完成（${status} ${data.error}）：${data.message}`;
      return `操作未完成：服务器返回 ${status}`;
  }
}

/** Who is signed in according to the server (after a reload); null when nobody is. */
export async function me() {
  try {
    return remember(await request('GET', '/api/auth/me'));
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function login(username, password) {
  return remember(await request('POST', '/api/auth/login', { username, password }));
}

export async function logout() {
  try {
    await request('POST', '/api/auth/logout');
  } finally {
    remember(null);
  }
}

export async function changePassword(currentPassword, newPassword) {
  return remember(await request('POST', '/api/auth/password', { current: currentPassword, new: newPassword }));
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function labelled(text, input) {
  return el('label', { class: 'field' }, el('span', {}, text), input);
}

/**
 * The sign-in form (and, for a generated or reset password, the change-password form after it). {@code roles}: the
 * page's roles (ADMIN always passes); {@code onDone(session)} runs once someone with one of them is signed in.
 */
export function signInForm({ title, hint, roles, onDone, notice }) {
  const box = el('div', { class: 'signin-box' });
  const error = el('p', { class: 'signin-error', id: 'signin-error', role: 'alert', style: 'color:#b3261e' });
  const show = (text) => { error.textContent = text || ''; error.hidden = !text; };
  const user = el('input', { id: 'signin-user', required: '', maxlength: '64', autocomplete: 'username' });
  const password = el('input', { id: 'signin-password', type: 'password', required: '', autocomplete: 'current-password' });
  const form = el('form', { class: 'card signin', id: 'signin' }, el('h2', {}, title || '登录'),
    hint ? el('p', { class: 'hint' }, hint) : null, labelled('用户名', user), labelled('密码', password), error,
    el('button', { type: 'submit', id: 'signin-submit' }, '登录'));
  show(notice);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    show('');
    try {
      const s = await login(user.value.trim(), password.value);
      password.value = '';
      if (!hasRole(s, ...roles)) {
        await logout();
        show('此账号没有进入本页面的权限');
        return;
      }
      if (s.user.mustChangePassword) box.replaceChildren(changeForm(onDone));
      else onDone(s);
    } catch (e) {
      show(e.message);
    }
  });
  box.append(form);
  return box;
}

/** Setting one's own password: required after a generated or reset one, and offered from the page. */
export function changeForm(onDone) {
  const error = el('p', { class: 'signin-error', id: 'password-error', role: 'alert', style: 'color:#b3261e' });
  error.hidden = true;
  const cur = el('input', { id: 'password-current', type: 'password', required: '', autocomplete: 'current-password' });
  const next = el('input', { id: 'password-new', type: 'password', required: '', autocomplete: 'new-password' });
  const again = el('input', { id: 'password-again', type: 'password', required: '', autocomplete: 'new-password' });
  const form = el('form', { class: 'card signin', id: 'password-form' }, el('h2', {}, '修改密码'),
    el('p', { class: 'hint' }, '首次登录或密码被重置后，请设置您自己的密码。'),
    labelled('当前密码', cur), labelled('新密码', next), labelled('再次输入新密码', again), error,
    el('button', { type: 'submit', id: 'password-submit' }, '保存新密码'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    if (next.value !== again.value) {
      error.textContent = '两次输入的新密码不一致';
      error.hidden = false;
      return;
    }
    try {
      onDone(await changePassword(cur.value, next.value));
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  return form;
}
