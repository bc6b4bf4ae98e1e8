// The console's calls: JSON ones through the shared sign-in module (/auth/auth.js: session cookie, X-CSRF-Token,
// a 401 sends the page back to the sign-in form), and the image upload, whose body is the file itself.
import { request, current, forget } from '/auth/auth.js';

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body ?? {});
export const put = (path, body) => request('PUT', path, body ?? {});

/** POST of a file as the raw body (its own content type); an error carries the API's code and message. */
export async function upload(path, file) {
  let r;
  try {
    r = await fetch(path, { method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': current()?.csrf || '' } });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  const data = await r.json().catch(() => null);
  if (r.ok) return data;
  if (r.status === 401) forget('登录已失效，请重新登录');
  const err = new Error(data?.error === 'not_an_image' ? '只能发送 PNG、JPEG、GIF 或 WebP 图片'
    : r.status === 413 ? '图片太大，请压缩后再发' : `图片未能发送：${data?.message || r.status}`);
  err.code = data?.error;
  throw err;
}
