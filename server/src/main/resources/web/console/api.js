// The console's API client: the session cookie does the signing in; the CSRF token from login / me goes out on every
// call that changes something. A 401 means the session ended: the app goes back to the sign-in form.

let csrf = null;
let onSignedOut = () => {};

export function whenSignedOut(f) {
  onSignedOut = f;
}

export function setCsrf(token) {
  csrf = token;
}

/** One call; an error response becomes an Error with the API's own message ({"error","message"}) and its code. */
export async function call(method, path, body) {
  const headers = {};
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let r;
  try {
    r = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : (body instanceof Blob || body instanceof FormData ? body : JSON.stringify(body)),
    });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!r.ok) {
    const err = new Error(describe(r.status, data));
    err.status = r.status;
    err.code = data?.error;
    err.data = data;
    if (r.status === 401 && !path.startsWith('/api/auth/login')) onSignedOut(err);
    throw err;
  }
  return data;
}

function describe(status, data) {
  if (status === 401 && data?.error === 'bad_credentials') return '用户名或密码错误';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 429) return '失败次数过多，账号已暂时锁定，请稍后再试';
  if (data?.error === 'forbidden') return '您的角色无权进行此操作';
  if (data?.error) return `操作未完成：${data.message}`;
  return `操作未完成：服务器返回 ${status}`;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body ?? {});
export const del = (path) => call('DELETE', path);
