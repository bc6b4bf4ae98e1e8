// 提示音: the prompts the IVRs speak and the music on hold, each played from the bureau's recording when one was uploaded
// here, else spoken by TTS (the music: synthetic). Upload a WAV per prompt (checked and converted to 8 kHz by the
// server; the next call hears it), listen to what callers hear, delete to go back to TTS. Only shown with telephony on.
import { current, forget, request } from '/auth/auth.js';
import { h, say } from '/editor/dom.js';

const BASE = '/api/admin/telephony/prompts';
const LANGS = { zh: '中文', en: '英文' };

/** The section, filled once the list arrives; empty (hidden) when the server has no phone channel. */
export function promptSection() {
  const section = h('section', { class: 'card', id: 'prompts-card', hidden: true });
  load(section);
  return section;
}

async function load(section) {
  let data;
  try {
    data = await request('GET', BASE);
  } catch (e) {
    if (e.status !== 404) say(e.message, 'error'); // 404: telephony is off on this server, nothing to record
    return;
  }
  const lines = Object.entries(data.lines).map(([n, ivr]) => `${n} → ${ivr}`);
  section.replaceChildren(
    h('header', {}, h('h2', {}, `提示音（${data.count}）`)),
    h('p', { class: 'hint' }, `上传 WAV 录音（PCM 8/16 位或 G.711，单声道或立体声，不超过 ${data.maxBytes / 1048576} MB、${data.maxSeconds / 60} 分钟）`,
      '替换语音合成；删除录音后恢复语音合成。新录音对下一通来电立即生效。',
      `默认语音导航：${data.defaultIvr}`, lines.length ? `；按被叫号码：${lines.join('，')}` : ''),
    h('table', { class: 'users', id: 'prompts' },
      h('thead', {}, h('tr', {}, ['编号', '内容', '语言', '语音导航', '录音', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, data.prompts.map((p) => row(p, section)))),
    h('div', { id: 'prompt-player-box' }));
  section.hidden = false;
}

function row(p, section) {
  const file = h('input', { type: 'file', accept: '.wav,audio/wav,audio/x-wav', class: 'prompt-file', 'aria-label': `上传 ${p.id} 的录音` });
  file.addEventListener('change', () => file.files[0] && upload(p.id, file.files[0], section));
  const text = p.id === 'hold-music' ? '排队等待音乐（无录音时为合成音乐）' : p.text || '—';
  return h('tr', { 'data-prompt': p.id, class: p.recorded ? 'recorded' : null },
    h('td', {}, p.id), h('td', {}, text), h('td', {}, LANGS[p.language] || p.language), h('td', {}, p.ivrs.join('、') || (p.id === 'hold-music' ? '所有线路' : '—')),
    h('td', { class: 'prompt-state' }, p.recorded ? '已录制' : '语音合成'),
    h('td', {}, h('label', { class: 'link upload' }, '上传录音', file), ' ',
      p.recorded || p.text ? h('button', { class: 'link play', onclick: () => play(p.id) }, '试听') : null, ' ',
      p.recorded ? h('button', { class: 'link delete', onclick: (ev) => remove(ev.target, p.id, section) }, '删除录音') : null));
}

async function upload(id, f, section) {
  const headers = { 'Content-Type': 'audio/wav' };
  const s = current();
  if (s) headers['X-CSRF-Token'] = s.csrf;
  try {
    const r = await fetch(`${BASE}/${encodeURIComponent(id)}`, { method: 'PUT', headers, credentials: 'same-origin', body: f });
    const data = await r.json().catch(() => null);
    if (!r.ok) {
      if (r.status === 401) forget(data?.message);
      throw new Error(data?.message || `上传失败（${r.status}）`);
    }
    say(`已上传 ${id} 的录音（${(data.durationMs / 1000).toFixed(1)} 秒）`);
    load(section);
  } catch (e) {
    say(e.message, 'error');
  }
}

/** Plays what a caller hears: the recording, or the TTS rendering of the text. */
function play(id) {
  const audio = h('audio', { controls: true, autoplay: true, id: 'prompt-player', src: `${BASE}/${encodeURIComponent(id)}/audio?t=${Date.now()}` });
  audio.addEventListener('error', () => say(`无法播放 ${id}`, 'error'));
  document.getElementById('prompt-player-box').replaceChildren(h('p', { class: 'hint' }, `试听 ${id}：`), audio);
}

/** Deleting asks once more on the button itself. */
async function remove(button, id, section) {
  if (button.dataset.armed !== 'yes') {
    button.dataset.armed = 'yes';
    button.textContent = '确认删除？';
    return;
  }
  try {
    await request('DELETE', `${BASE}/${encodeURIComponent(id)}`);
    say(`已删除 ${id} 的录音，恢复语音合成`);
    load(section);
  } catch (e) {
    say(e.message, 'error');
  }
}
