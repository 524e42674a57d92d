// Every user-visible string of Kefu's web UIs, in English and Simplified Chinese. The language comes from the
// page's ?lang=, else the browser, and can be switched; a missing key shows itself rather than failing silently.
import { ref } from 'vue';

const messages = {
  en: {
    'chat.title': 'Chat with us',
    'chat.language': '中文',
    'chat.loading': 'Connecting…',
    'chat.error': 'The chat could not be loaded. Please try again later.',
    'chat.prechat.intro': 'Tell us who you are, then write your question.',
    'chat.prechat.start': 'Start chat',
    'chat.prechat.required': 'Please fill in {field}.',
    'chat.queue': '{position} ahead of you in the queue. Estimated wait: {wait}.',
    'chat.queue.soon': 'An agent will be with you shortly.',
    'chat.servedBy': 'You are chatting with {name}',
    'chat.typing': '{name} is typing…',
    'chat.agent': 'Agent',
    'chat.placeholder': 'Type a message…',
    'chat.send': 'Send',
    'chat.attach': 'Attach a file',
    'chat.emoji': 'Emoji',
    'chat.sending': 'Sending…',
    'chat.delivered': 'Delivered',
    'chat.read': 'Read',
    'chat.uploading': 'Uploading {name}: {percent}%',
    'chat.uploadFailed': '{name} was not sent: {reason}',
    'chat.offline': 'Connection lost. Reconnecting…',
    'chat.end': 'End chat',
    'chat.close': 'Minimize',
    'chat.ended': 'This chat has ended.',
    'chat.rate': 'How did we do?',
    'chat.rate.star': '{n} of 5 stars',
    'chat.rate.comment': 'Anything to add? (optional)',
    'chat.rate.submit': 'Send rating',
    'chat.rate.thanks': 'Thank you for your feedback!',
    'chat.transcript': 'Download transcript',
    'chat.newChat': 'Start a new chat',
    'chat.minutes': '{n} min',
    'chat.seconds': 'under a minute',
    'leave.title': 'Leave us a message',
    'leave.why.NO_AGENT_ONLINE': 'No one is available right now. Leave a message and we will answer you.',
    'leave.why.OUTSIDE_BUSINESS_HOURS': 'We are closed right now. Leave a message and we will answer you.',
    'leave.why.QUEUE_FULL': 'All our agents are busy. Leave a message and we will answer you.',
    'leave.why.OFFLINE': 'We cannot reach the chat right now. Leave a message and we will answer you.',
    'leave.name': 'Name',
    'leave.email': 'E-mail',
    'leave.phone': 'Phone',
    'leave.body': 'Your message',
    'leave.submit': 'Send message',
    'leave.contactRequired': 'Please give an e-mail address or a phone number so we can answer you.',
    'leave.sent': 'Thank you. Your message was received; the answer will appear here.',
    'leave.yours': 'Your messages',
    'leave.answer': 'Answer from {name}',
    'leave.waiting': 'Waiting for an answer',
    'leave.state.OPEN': 'Open',
    'leave.state.ANSWERED': 'Answered',
    'leave.state.CLOSED': 'Closed',
    'field.name': 'Name',
    'field.email': 'E-mail',
    'field.phone': 'Phone',
  },
  'zh-CN': {
    'chat.title': '在线客服',
    'chat.language': 'English',
    'chat.loading': '正在连接…',
    'chat.error': '无法加载在线客服，请稍后再试。',
    'chat.prechat.intro': '请留下您的信息，然后输入您的问题。',
    'chat.prechat.start': '开始咨询',
    'chat.prechat.required': '请填写{field}。',
    'chat.queue': '您前面还有 {position} 位，预计等待 {wait}。',
    'chat.queue.soon': '客服马上为您服务。',
    'chat.servedBy': '{name} 正在为您服务',
    'chat.typing': '{name} 正在输入…',
    'chat.agent': '客服',
    'chat.placeholder': '请输入消息…',
    'chat.send': '发送',
    'chat.attach': '发送文件',
    'chat.emoji': '表情',
    'chat.sending': '发送中…',
    'chat.delivered': '已送达',
    'chat.read': '已读',
    'chat.uploading': '正在上传 {name}：{percent}%',
    'chat.uploadFailed': '{name} 未发送：{reason}',
    'chat.offline': '连接已断开，正在重新连接…',
    'chat.end': '结束对话',
    'chat.close': '最小化',
    'chat.ended': '本次对话已结束。',
    'chat.rate': '请为本次服务评分',
    'chat.rate.star': '{n} 星（满分 5 星）',
    'chat.rate.comment': '还有什么想说的？（选填）',
    'chat.rate.submit': '提交评价',
    'chat.rate.thanks': '感谢您的评价！',
    'chat.transcript': '下载聊天记录',
    'chat.newChat': '发起新的咨询',
    'chat.minutes': '{n} 分钟',
    'chat.seconds': '不到 1 分钟',
    'leave.title': '留言',
    'leave.why.NO_AGENT_ONLINE': '当前没有客服在线，请留言，我们会尽快回复您。',
    'leave.why.OUTSIDE_BUSINESS_HOURS': '当前不在服务时间，请留言，我们会尽快回复您。',
    'leave.why.QUEUE_FULL': '客服都在忙，请留言，我们会尽快回复您。',
    'leave.why.OFFLINE': '暂时无法连接在线客服，请留言，我们会尽快回复您。',
    'leave.name': '姓名',
    'leave.email': '邮箱',
    'leave.phone': '电话',
    'leave.body': '留言内容',
    'leave.submit': '提交留言',
    'leave.contactRequired': '请留下邮箱或电话，以便我们回复您。',
    'leave.sent': '感谢您的留言，回复会显示在这里。',
    'leave.yours': '我的留言',
    'leave.answer': '{name} 的回复',
    'leave.waiting': '等待回复',
    'leave.state.OPEN': '待回复',
    'leave.state.ANSWERED': '已回复',
    'leave.state.CLOSED': '已关闭',
    'field.name': '姓名',
    'field.email': '邮箱',
    'field.phone': '电话',
  },
};

export const languages = Object.keys(messages);

export function pickLanguage(requested) {
  const wanted = requested || new URLSearchParams(location.search).get('lang') || navigator.language || 'en';
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en';
}

export const language = ref(pickLanguage(localStorage.getItem('kefu.lang')));

export function setLanguage(lang) {
  language.value = languages.includes(lang) ? lang : 'en';
  localStorage.setItem('kefu.lang', language.value);
  document.documentElement.lang = language.value;
}

export function t(key, params = {}) {
  const text = messages[language.value][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

/** For tests: every key of every language, to prove none is missing. */
export function keysByLanguage() {
  return Object.fromEntries(languages.map((lang) => [lang, Object.keys(messages[lang]).sort()]));
}
