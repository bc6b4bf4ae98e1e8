// 服务水平: the hotline's service target from the tender — 接起率 ≥ 95 %, 受理率 (接起 + 回电) = 100 % — per day and per
// skill group, with its Excel download. Shown on the 报表 page to supervisors and admins (/api/admin/reports/service).
import { get } from './api.js';
import { h, field, attempt, saveFile, say } from './dom.js';

const CHANNELS = [['', '全部渠道'], ['voice', '电话'], ['web', '网页'], ['wechat', '微信']];
const pct = (r) => (r == null ? '—' : `${(100 * r).toFixed(1)}%`);
const secs = (s) => (s == null ? '—' : `${s.toFixed(1)} 秒`);
const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A rate against its target: red (class bad) when below it, green when it is met; no class without a rate. */
function rate(id, label, value, target) {
  const below = value != null && target != null && value < target - 1e-9;
  const cls = value == null || target == null ? null : below ? 'bad' : 'good';
  return h('span', { id, class: cls, 'data-below': String(below) }, `${label} ${pct(value)}`, target != null ? `（目标 ${pct(target)}）` : '');
}

const HEADS = ['转人工', '接起', '接起率', 'N秒内接起', '平均等待', 'P90等待', '放弃', '超时', '漏接电话', '回电接通', '回电率', '受理率', '满意度'];

function cells(f, t) {
  const mark = (v, target) => h('td', { class: v != null && v < target - 1e-9 ? 'bad' : null }, pct(v));
  return [h('td', {}, f.offered), h('td', {}, f.answered), mark(f.answerRate, t.answerRate), h('td', {}, `${f.answeredWithin}（${pct(f.serviceLevel)}）`),
    h('td', {}, secs(f.averageWaitSeconds)), h('td', {}, secs(f.p90WaitSeconds)), h('td', {}, f.abandoned), h('td', {}, f.timedOut),
    h('td', {}, f.missedCalls), h('td', {}, f.reached), h('td', {}, pct(f.callbackRate)), mark(f.acceptanceRate, t.acceptanceRate),
    h('td', {}, f.ratingAverage == null ? '—' : `${f.ratingAverage.toFixed(2)}（${f.ratings}）`)];
}

function table(id, first, rows) {
  return h('table', { class: 'grid', id }, h('thead', {}, h('tr', {}, [first, ...HEADS].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: HEADS.length + 1, class: 'hint' }, '本期没有数据。'))));
}

function show(box, r) {
  const t = r.totals;
  box.replaceChildren(
    h('h3', {}, `${r.from} 至 ${r.to}${r.channel ? '（' + (CHANNELS.find(([c]) => c === r.channel) || [0, r.channel])[1] + '）' : ''}`),
    h('p', { id: 'service-totals', class: 'rates' }, rate('service-answer-rate', '接起率', t.answerRate, r.targets.answerRate), '　',
      rate('service-callback-rate', '回电率', t.callbackRate, null), '　',
      rate('service-acceptance-rate', '受理率', t.acceptanceRate, r.targets.acceptanceRate)),
    h('p', { class: 'hint', id: 'service-summary' }, `转人工 ${t.offered}，接起 ${t.answered}，${r.within} 秒内接起 ${t.answeredWithin}（服务水平 ${pct(t.serviceLevel)}），`
      + `平均等待 ${secs(t.averageWaitSeconds)}，P90 ${secs(t.p90WaitSeconds)}；排队中放弃 ${t.abandoned}，排队超时 ${t.timedOut}；`
      + `漏接电话 ${t.missedCalls}，回电接通 ${t.reached}；满意度 ${t.ratingAverage == null ? '—' : t.ratingAverage.toFixed(2)}（${t.ratings} 条评价）。`),
    h('p', { class: 'hint' }, '接起率 = 接起 / 转人工；回电率 = 回电接通的漏接电话 / 转人工；受理率 = 接起率 + 回电率。'),
    h('h3', {}, '按日'),
    table('service-days', '日期', r.days.map((d) => h('tr', { 'data-day': d.day }, h('td', {}, d.day), ...cells(d, r.targets)))),
    h('h3', {}, '按技能组（首个排队的组）'),
    table('service-groups', '技能组', r.groups.map((g) => h('tr', { 'data-group': g.group }, h('td', {}, g.group || '（无）'), ...cells(g, r.targets)))));
}

/** The 服务水平 card; it loads the last 7 days once it is on the page. */
export function serviceSection() {
  const today = new Date();
  const to = h('input', { id: 'service-to', type: 'date', value: day(today) });
  const from = h('input', { id: 'service-from', type: 'date', value: day(new Date(today.getTime() - 6 * 864e5)) });
  const channel = h('select', { id: 'service-channel' }, CHANNELS.map(([v, label]) => h('option', { value: v }, label)));
  const within = h('input', { id: 'service-within', type: 'number', min: 0, max: 3600, value: '20' });
  const box = h('div', { id: 'service-report' }, h('p', { class: 'hint' }, '加载中…'));
  const query = () => `from=${from.value}&to=${to.value}&within=${encodeURIComponent(within.value)}` + (channel.value ? `&channel=${channel.value}` : '');
  const load = async () => show(box, await get('/api/admin/reports/service?' + query()));
  const card = h('section', { class: 'card', id: 'service-levels' }, h('h2', {}, '服务水平（接起率 / 回电率 / 受理率）'),
    h('div', { class: 'toolbar' }, field('开始日期', from), field('结束日期', to), field('渠道', channel), field('N 秒内接起', within),
      h('button', { id: 'service-show', onclick: () => attempt(load) }, '统计'),
      h('button', { id: 'service-export', class: 'secondary', onclick: async () => {
        const f = await attempt(() => get('/api/admin/reports/service/export?as=json&' + query()));
        if (f) { saveFile(f); say('已导出 ' + f.filename); }
      } }, '导出 Excel')),
    box);
  attempt(load);
  return card;
}
