// What the console knows: the queue, the agent's chats and their messages by sequence number. A message already held
// (same chat, same seq) is ignored, so a replay after a reconnect never shows anything twice.

export const state = {
  me: null,
  presence: 'OFFLINE',
  queue: [],
  chats: new Map(), // chatId -> { chat, detail, messages: Map(seq -> msg), unread, typingUntil, citizenRead }
  current: null,
};

const listeners = new Set();
export function onChange(f) { listeners.add(f); }
export function changed(what) { for (const f of listeners) f(what); }

export function entry(chatId) {
  let e = state.chats.get(chatId);
  if (!e) {
    e = { chat: { id: chatId }, detail: null, messages: new Map(), unread: 0, typingUntil: 0, citizenRead: 0 };
    state.chats.set(chatId, e);
  }
  return e;
}

export function putChat(chat) {
  const e = entry(chat.id);
  e.chat = { ...e.chat, ...chat };
  return e;
}

/** Adds a message unless it is already there; true when it was new. */
export function putMessage(m) {
  const e = entry(m.chatId);
  if (e.messages.has(m.seq)) return false;
  e.messages.set(m.seq, m);
  if (m.from === 'citizen') e.typingUntil = 0;
  if (m.from === 'citizen' && state.current !== m.chatId) e.unread++;
  return true;
}

export function lastSeq(chatId) {
  const e = state.chats.get(chatId);
  if (!e || e.messages.size === 0) return 0;
  return Math.max(...e.messages.keys());
}

/** chatId -> last seq held, for the socket to resume from. */
export function lastSeqs() {
  const out = {};
  for (const [id, e] of state.chats) if (e.chat.state !== 'ENDED' && e.messages.size) out[id] = lastSeq(id);
  return out;
}

export function sortedMessages(chatId) {
  const e = state.chats.get(chatId);
  return e ? [...e.messages.values()].sort((a, b) => a.seq - b.seq) : [];
}

export const PRESENCE = { ONLINE: '在线', BUSY: '忙碌', AWAY: '离开', WRAP_UP: '话后处理', OFFLINE: '离线' };
export const CHANNEL = { web: '网页', wechat: '微信', voice: '电话', api: '接口' };
// the bot's transfer strategies (bot.transfer.*) in the agents' words
export const REASONS = {
  keyword: '市民要求转人工', unknown_streak: '连续未能识别问题', guided: '引导转人工', intent: '指定业务转人工',
  repeated_question: '重复提问', negative_emotion: '市民情绪不满', abuse: '辱骂', flow_failures: '业务办理未成功',
  low_satisfaction: '对答案不满意', ivr: '电话语音导航转人工',
};
