// The citizen's call page: choose sign-language video or voice, allow camera and microphone (with
// help when refused), wait in line with the position, write while waiting, talk, hang up. The call
// socket reconnects with the resume token; the operator then renegotiates with an ICE restart.
import { LANGUAGES, browserLanguage, text } from './i18n.js';
import { CallPeer, callSocketUrl } from './peer.js';

const $ = (id) => document.getElementById(id);
const CALLER = 'onenumber.caller';
let lang = new URLSearchParams(location.search).get('lang') || browserLanguage();
let mode = null;
let media = null;
let socket = null;
let session = null; // { token, contactId }
let peer = null;
let ended = false;
let status = ['waiting', {}];
let operatorName = '';

function caller() {
  let id = localStorage.getItem(CALLER);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(CALLER, id);
  }
  return id;
}

function paint() {
  document.documentElement.lang = lang;
  const t = (key, values) => text(lang, key, values);
  document.title = t('title');
  $('title').textContent = t('title');
  $('language-label').textContent = t('language');
  $('choose-title').textContent = t('chooseTitle');
  $('choose-intro').textContent = t('chooseIntro');
  $('call-sign').textContent = t('sign');
  $('call-voice').textContent = t('voice');
  $('permission-title').textContent = t('permissionTitle');
  $('permission-retry').textContent = t('retry');
  $('remote-label').textContent = t('remoteView');
  $('self-label').textContent = t('selfView');
  $('hangup').textContent = t('hangup');
  $('message-label').textContent = t('write');
  $('send').textContent = t('send');
  $('log-label').textContent = t('messages');
  $('done-title').textContent = t('ended');
  $('again').textContent = t('again');
  $('status').textContent = t(status[0], status[1]);
}

function say(key, values = {}) {
  status = [key, values];
  $('status').textContent = text(lang, key, values);
}

function show(section) {
  for (const id of ['choose', 'permission', 'call', 'done']) $(id).hidden = id !== section;
}

async function begin(chosen) {
  mode = chosen;
  try {
    media = await navigator.mediaDevices.getUserMedia(mode === 'sign' ? { video: true, audio: true } : { audio: true });
  } catch (e) {
    permissionHelp(e);
    return;
  }
  $('self-video').srcObject = media;
  $('self-video').closest('figure').hidden = mode !== 'sign';
  show('call');
  say('waiting');
  $('hangup').focus();
  connect();
}

function permissionHelp(error) {
  show('permission');
  const missing = error?.name === 'NotFoundError' || error?.name === 'OverconstrainedError';
  $('permission-help').textContent = text(lang, missing ? 'noDevice' : 'permissionHelp');
  $('permission-steps').replaceChildren(...(missing ? [] : ['step1', 'step2', 'step3'].map((k) => {
    const li = document.createElement('li');
    li.textContent = text(lang, k);
    return li;
  })));
  $('permission-title').focus();
}

function connect() {
  socket = new WebSocket(callSocketUrl());
  window.onenumberCallSocket = socket; // for tests: VideoCallBrowserIT drops it to play a lost network
  socket.addEventListener('open', () => {
    send(session ? { type: 'resume', token: session.token } : { type: 'start', mode, language: lang, caller: caller() });
  });
  socket.addEventListener('message', (event) => onFrame(JSON.parse(event.data)));
  socket.addEventListener('close', () => {
    if (ended) return;
    say('reconnecting');
    setTimeout(connect, 1000);
  });
}

function send(frame) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function onFrame(frame) {
  switch (frame.type) {
    case 'session': session = { token: frame.token, contactId: frame.contactId, iceServers: frame.iceServers ?? [],
      iceTransportPolicy: frame.iceTransportPolicy ?? 'all' }; break;
    case 'waiting': backInLine(); break;
    case 'queue': say('position', { n: frame.position ?? '?', m: Math.max(1, Math.ceil((frame.ewtSeconds ?? 60) / 60)) }); break;
    case 'agent': operatorName = frame.name; say('connected', { name: frame.name }); ensurePeer(); break;
    case 'offer': say('connected', { name: operatorName }); ensurePeer().apply(frame); break;
    case 'answer': case 'candidate': ensurePeer().apply(frame); break;
    case 'text': log(text(lang, 'operator'), frame.body); break;
    case 'peer-left': say('peerLeft'); break;
    case 'ended': finish(); break;
    case 'error': say(frame.error === 'call_in_progress' ? 'inProgress' : 'error'); break;
    default: break;
  }
}

function ensurePeer() {
  if (!peer) {
    peer = new CallPeer(session.contactId, send, (stream) => { $('remote-video').srcObject = stream; },
      session.iceServers, session.iceTransportPolicy);
    peer.addStream(media);
    window.onenumberCall = peer;
  }
  return peer;
}

/** Waiting (again): an operator who lost the call is gone, so the next one starts a fresh connection. */
function backInLine() {
  say('waiting');
  if (peer) {
    peer.close(false);
    peer = null;
    $('remote-video').srcObject = null;
  }
}

function log(who, body) {
  const li = document.createElement('li');
  const strong = document.createElement('strong');
  strong.textContent = `${who}: `;
  li.append(strong, document.createTextNode(body));
  $('log').append(li);
  $('log').scrollTop = $('log').scrollHeight;
}

function finish() {
  if (ended) return;
  ended = true;
  peer?.close();
  media?.getTracks().forEach((t) => t.stop());
  socket?.close();
  show('done');
  $('done-title').focus();
}

$('language').replaceChildren(...LANGUAGES.map((l) => new Option(l.name, l.code)));
$('language').value = lang;
$('language').addEventListener('change', (e) => { lang = e.target.value; paint(); });
$('call-sign').addEventListener('click', () => begin('sign'));
$('call-voice').addEventListener('click', () => begin('voice'));
$('permission-retry').addEventListener('click', () => begin(mode));
$('hangup').addEventListener('click', () => {
  if (session) send({ type: 'hangup', contactId: session.contactId });
  finish();
});
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const body = $('message').value.trim();
  if (!body || !session) return;
  send({ type: 'text', contactId: session.contactId, body });
  log(text(lang, 'you'), body);
  $('message').value = '';
});
$('again').addEventListener('click', () => location.reload());
paint();
