// The editors' API client. Who is signed in (admin token, user, role) lives in sessionStorage: a stop-gap until
// issue 7 brings accounts; closing the tab signs out.

const KEY = 'hotline-editor';

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function signIn(token, user, role) {
  sessionStorage.setItem(KEY, JSON.stringify({ token, user, role }));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export const isReviewer = () => session()?.role === 'reviewer';

/** One call; an error response becomes an Error whose message is the API's own ({"error","message"}). */
export async function call(method, path, body) {
  const s = session();
  const headers = { 'Content-Type': 'application/json' };
  if (s) {
    headers.Authorization = 'Bearer ' + s.token;
    headers['X-Hotline-User'] = s.user;
    headers['X-Hotline-Role'] = s.role;
  }
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
    err.data = data;
    throw err;
  }
  return data;
}

function describe(status, data) {
  if (status === 401) return '管理令牌无效，请重新登录（' + (data?.message || 'unauthorized') + '）';
  if (data?.error) return `操作未完成（${status} ${data.error}）：${data.message}`;
  return `操作未完成：服务器返回 ${status}`;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);
