// The editors' API client over the signed-in session (/auth/auth.js: HttpOnly cookie + CSRF token). An account with
// REVIEWER (or ADMIN) acts as reviewer, one with EDITOR as editor.

import { current, request } from '/auth/auth.js';

/** {user: username, name, role: 'editor'|'reviewer'} of whoever is signed in, or null. */
export function session() {
  const s = current();
  if (!s) return null;
  const roles = s.user.roles;
  const reviewer = roles.includes('REVIEWER') || roles.includes('ADMIN');
  return { user: s.user.username, name: s.user.displayName, role: reviewer ? 'reviewer' : 'editor' };
}

export const isReviewer = () => session()?.role === 'reviewer';

/** One call; an error response becomes an Error whose message is the API's own ({"error","message"}). */
export const call = (method, path, body) => request(method, path, body);

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);
