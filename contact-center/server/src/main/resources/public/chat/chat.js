// The citizen web chat page. All citizen text is put into the page with textContent only.
import { LANGUAGES, text, browserLanguage } from './i18n.js';
import { ChatConnection } from './connection.js';

const $ = (id) => document.getElementById(id);
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/chat`;
let lang = browserLanguage();
let connection = null;
let operator = null;
let lastTyping = 0;
let typingTimer = null;

function t(key, values) { return text(lang, key, values); }

function translate() {
  document.documentElement.lang = lang;
  document.title = t('title');
  const ids = { title: 'title', 'language-label': 'language', 'choose-title': 'chooseLanguage', intro: 'intro',
    'message-label': 'messageLabel', send: 'send', end: 'end', transcript: 'transcript', 'chat-title': 'log',
    'survey-title': 'surveyTitle', 'satisfaction-legend': 'satisfaction', 'resolved-legend': 'resolvedQ',
    'yes-label': 'yes', 'no-label': 'no', 'survey-submit': 'submit', thanks: 'thanks', 'new-chat': 'newChat' };
  for (const [id, key] of Object.entries(ids)) $(id).textContent = t(key);
  $('language').value = lang;
  // The sign-language video call (/call/) in the chat's language, in a new window beside the chat.
  $('video-call').textContent = t('videoCall');
  $('video-call').href = `/call/?lang=${encodeURIComponent(lang)}`;
  const options = $('satisfaction-options');
  options.replaceChildren(...[1, 2, 3, 4, 5].map((n) => {
    const label = document.createElement('label');
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'satisfaction', value: n, required: true });
    label.append(input, ` ${n} · ${t('s' + n)}`);
    return label;
  }));
  showStatus();
  render();
}

function setupLanguages() {
  const select = $('language');
  const buttons = $('language-buttons');
  for (const l of LANGUAGES) {
    select.append(Object.assign(document.createElement('option'), { value: l.code, textContent: l.name, lang: l.code }));
    const item = document.createElement('li');
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: l.name, lang: l.code });
    button.addEventListener('click', () => begin(l.code));
    item.append(button);
    buttons.append(item);
  }
  select.addEventListener('change', () => { lang = select.value; translate(); });
}

function begin(code) {
  lang = code;
  translate();
  $('choose').hidden = true;
  $('chat').hidden = false;
  connection = new ChatConnection(wsUrl, handlers);
  connection.open(lang);
  $('message').focus();
}

let statusKey = 'waiting';
let statusValues = {};
function showStatus(key = statusKey, values = statusValues) {
  statusKey = key;
  statusValues = values;
  $('status').textContent = t(key, values);
}

const handlers = {
  online: () => showStatus(operator ? 'connected' : 'waiting', operator ? { name: operator } : {}),
  offline: () => showStatus('reconnecting'),
  session: (frame) => {
    lang = frame.language;
    translate();
    if (connection.state.ended) showSurvey();
  },
  changed: () => render(),
  queue: (f) => { if (!operator) showStatus('position', { n: f.position, m: Math.max(1, Math.ceil((f.ewtSeconds || 0) / 60)) }); },
  waiting: () => { operator = null; showStatus('waiting'); },
  agent: (f) => { operator = f.name; showStatus('connected', { name: f.name }); },
  typing: () => {
    $('typing').textContent = t('typing');
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { $('typing').textContent = ''; }, 4000);
  },
  ended: () => { showStatus('ended'); showSurvey(); },
  'survey-saved': () => {
    $('survey-form').hidden = true;
    $('thanks').hidden = false;
    $('new-chat').hidden = false;
    $('thanks').focus();
  },
  // unavailable: the refused frame goes again by itself (connection.js); the message shows 'sending' meanwhile
  error: (f) => { if (f.error !== 'not_found' && f.error !== 'unavailable') showStatus('error'); },
};

function render() {
  if (!connection) return;
  const log = $('log');
  const items = connection.state.log.map((entry) => {
    const li = document.createElement('li');
    li.className = entry.mine ? 'mine' : 'theirs';
    const who = Object.assign(document.createElement('span'), { className: 'who' });
    who.textContent = entry.mine ? t('you') : entry.author;
    const body = Object.assign(document.createElement('span'), { className: 'body' });
    body.textContent = entry.body;
    const meta = Object.assign(document.createElement('span'), { className: 'meta' });
    const time = new Date(entry.at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
    meta.textContent = entry.mine ? `${time} · ${t(entry.pending ? 'sending' : 'delivered')}` : time;
    li.append(who, body, meta);
    return li;
  });
  log.replaceChildren(...items);
  log.scrollTop = log.scrollHeight;
}

function showSurvey() {
  $('survey').hidden = false;
  $('composer').querySelectorAll('textarea, #send, #end').forEach((e) => { e.disabled = true; });
  $('survey-title').focus();
}

function transcript() {
  const lines = connection.state.log.map((e) => `[${e.at}] ${e.mine ? t('you') : e.author}: ${e.body}`);
  const blob = new Blob([`${t('title')}\n\n${lines.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'onenumber-chat.txt' });
  document.body.append(link);
  link.click();
  link.remove();
}

function wire() {
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = $('message').value.trim();
    if (!body) return;
    connection.send(body);
    $('message').value = '';
    $('message').focus();
  });
  $('message').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('message').addEventListener('input', () => {
    if (Date.now() - lastTyping > 2000 && connection) { lastTyping = Date.now(); connection.raw({ type: 'typing' }); }
  });
  $('end').addEventListener('click', () => { connection.leave(); showStatus('ended'); showSurvey(); });
  $('transcript').addEventListener('click', transcript);
  $('survey-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    connection.raw({ type: 'survey', satisfaction: Number(data.get('satisfaction')), resolved: data.get('resolved') === 'yes' });
  });
  $('new-chat').addEventListener('click', () => { ChatConnection.clear(); location.reload(); });
}

setupLanguages();
wire();
translate();
const saved = JSON.parse(sessionStorage.getItem('onenumber.chat.v1') || 'null');
if (saved?.token || new URLSearchParams(location.search).get('lang')) {
  begin(saved?.language || new URLSearchParams(location.search).get('lang'));
} else {
  $('language-buttons').querySelector(`[lang="${lang}"]`)?.focus();
}
