// Tiny DOM helpers shared by the views: h() builds an element, text stays text (never parsed as HTML).

/** h('button', {class: 'x', onclick: f}, '保存') → an element; children may be strings, nodes, arrays or null. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** A labelled form field around an input. */
export function field(label, input) {
  return h('label', { class: input.type === 'checkbox' ? 'field check' : 'field' }, h('span', {}, label), input);
}

/** Shows the outcome of an action at the top of the page; kind is 'ok' or 'error'. */
export function say(text, kind = 'ok') {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = 'message ' + kind;
  m.hidden = !text;
}

/** Runs an async action, showing its error (the API's message) instead of failing silently. */
export async function attempt(action, okText) {
  try {
    const r = await action();
    if (okText) say(okText, 'ok');
    return r;
  } catch (e) {
    say(e.message, 'error');
    return undefined;
  }
}

export const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/** Saves a file the API sent as {filename, contentType, base64} (see the API's ?as=json) through the browser's download. */
export function saveFile(f) {
  const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.contentType }));
  const a = h('a', { href: url, download: f.filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
