// The citizen's call page: choose sign-language video or voice, allow camera and microphone (with
// help when refused), wait in line with the position, write while waiting, talk, hang up. The call
// socket reconnects with the resume token; the operator then renegotiates with an ICE restart.
// Three-way relay: a third party may join (an interpreter or another operator from the console, or
// a hearing party with a one-time link: this page opened as /call/?join=<token>, voice only, or
// department staff from the department portal: /call/?staff=<contactId>, voice and video). Each
// pair of parties has its own peer connection, so the page keeps one CallPeer per other party and
// shows the operator and the other party in two tiles. A staff member whose socket's server gave the call
// up (rehomed with reconnect) joins again on a new socket and is seated again; a link works once.
import { LANGUAGES, browserLanguage, text } from './i18n.js';
import { CallPeer, callSocketUrl } from './peer.js';

const $ = (id) => document.getElementById(id);
const CALLER = 'onenumber.caller';
const params = new URLSearchParams(location.search);
let lang = params.get('lang') || browserLanguage();
const joinToken = params.get('join');
// Department staff invited from the department portal: /call/?staff=<contactId>, signed in with the portal's token.
const staffContact = params.get('staff');
/** The department staff member's current token (renewed by session-renewal.js), or null for a citizen. */
const staffToken = () => (staffContact ? sessionStorage.getItem('onenumber.dept.token') : null);
const role = joinToken || staffContact ? 'guest' : 'citizen';
if (joinToken) history.replaceState(null, '', location.pathname + (params.get('lang') ? `?lang=${params.get('lang')}` : ''));
let mode = null;
let media = null;
let socket = null;
let session = null; // { token, contactId }
let resuming = false; // a resume sent on this socket is not answered yet
// A resume unanswered this long (its answers lost between servers that split or merge) is sent again on a new socket.
const RESUME_UNANSWERED_MS = 6000;
const peers = {}; // the peer connection with each other party: operator, guest (or citizen, for a guest)
let ended = false;
// A staff member's joins still to try after the call moved (refused while the live home does not hold it yet).
const REJOIN_TRIES = 30;
let rejoining = 0;
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
  $('choose-title').textContent = t(role === 'guest' ? 'joinTitle' : 'chooseTitle');
  $('choose-intro').textContent = role === 'guest' ? '' : t('chooseIntro');
  $('call-sign').hidden = role === 'guest' && !staffContact; // staff join with video too, a hearing party by voice
  $('other-label').textContent = t(role === 'guest' ? 'callerView' : 'guestView');
  $('call-sign').textContent = t('sign');
  $('call-voice').textContent = t('voice');
  $('permission-title').textContent = t('permissionTitle');
  $('permission-retry').textContent = t('retry');
  $('remote-label').textContent = t('remoteView');
  $('self-label').textContent = t('selfView');
  $('hangup').textContent = t(role === 'guest' ? 'leave' : 'hangup');
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
  say(role === 'guest' ? 'joinTitle' : 'waiting');
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

// A staff member's renewed token keeps their signed-in socket open past the old token's expiry.
window.addEventListener('onenumber:renewed', (event) => { if (staffContact) send({ type: 'auth', token: event.detail.token }); });

function connect() {
  socket = new WebSocket(callSocketUrl(staffToken()));
  window.onenumberCallSocket = socket; // for tests: VideoCallBrowserIT drops it to play a lost network
  socket.addEventListener('open', () => {
    if (staffContact) send({ type: 'join', contactId: staffContact });
    else if (role === 'guest') send({ type: 'guest', token: joinToken });
    else send(session ? { type: 'resume', token: session.token } : { type: 'start', mode, language: lang, caller: caller() });
    resuming = role === 'citizen' && Boolean(session);
    const sent = socket;
    if (resuming) setTimeout(() => { if (resuming && socket === sent) socket.close(); }, RESUME_UNANSWERED_MS);
  });
  socket.addEventListener('message', (event) => onFrame(JSON.parse(event.data)));
  socket.addEventListener('close', () => {
    if (ended) return;
    if (role === 'guest' && !rejoining) { finish(); return; } // a link works once: a third party who drops has left
    say(rejoining ? 'moved' : 'reconnecting');
    setTimeout(connect, 1000);
  });
}

function send(frame) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function onFrame(frame) {
  const from = frame.from ?? 'operator';
  switch (frame.type) {
    case 'session': case 'joined': resuming = false; session = { token: frame.token, contactId: frame.contactId, iceServers: frame.iceServers ?? [],
      iceTransportPolicy: frame.iceTransportPolicy ?? 'all' };
      if (frame.type === 'joined') { say('joined'); rejoining = 0; }
      break;
    case 'ready': { const known = Boolean(peers[frame.party]); ensurePeer(frame.party).offer(known); break; }
    case 'peer-joined': say('guestJoined'); break;
    case 'waiting': backInLine(); break;
    case 'queue': say('position', { n: frame.position ?? '?', m: Math.max(1, Math.ceil((frame.ewtSeconds ?? 60) / 60)) }); break;
    case 'agent': operatorName = frame.name; say('connected', { name: frame.name }); ensurePeer('operator'); break;
    case 'offer': if (role === 'citizen' && from === 'operator') say('connected', { name: operatorName });
      ensurePeer(from).apply(frame); break;
    case 'answer': case 'candidate': peers[from]?.apply(frame); break;
    case 'text': log(text(lang, from === 'operator' ? 'operator' : from === 'guest' ? 'guest' : 'callerView'), frame.body); break;
    case 'peer-left': if (frame.party === 'guest') guestLeft(); else say('peerLeft'); break;
    case 'rehomed': say('moved'); // the call's server died (another rebuilt it, media follows) or was cut off:
      if (frame.reconnect) { // then this socket's server gave the call up: a new socket resumes it, or joins again
        if (staffContact) rejoining = REJOIN_TRIES;
        socket.close();
      }
      break;
    case 'ended': finish(); break;
    case 'error': if (rejoining && frame.error === 'forbidden') { rejoinLater(); break; }
      if (resuming && frame.error === 'unavailable') { socket.close(); break; } // a server cut off from the cluster: resume again
      say(frame.error === 'call_in_progress' ? 'inProgress'
      : role === 'guest' && frame.error === 'not_found' ? 'linkInvalid'
        : staffContact && frame.error === 'forbidden' ? 'notInvited' : 'error'); break;
    default: break;
  }
}

/** A staff member's join refused after the call moved: tried again in a second, a few times; then they have left. */
function rejoinLater() {
  if (--rejoining > 0) setTimeout(() => send({ type: 'join', contactId: staffContact }), 1000);
  else finish();
}

/** The peer connection with {@code party} ('operator', 'guest' or 'citizen'), made on first use. */
function ensurePeer(party) {
  if (!peers[party]) {
    const direct = role === 'citizen' && party === 'operator'; // the two-party frames need no address
    peers[party] = new CallPeer(session.contactId, send, (stream) => { tileOf(party).srcObject = stream; },
      session.iceServers, session.iceTransportPolicy, direct ? null : party);
    peers[party].addStream(media);
    // A hearing party sends voice only but should see the signer: its offer to the caller asks for video too.
    if (role === 'guest' && party === 'citizen' && !media.getVideoTracks().length) {
      peers[party].pc.addTransceiver('video', { direction: 'recvonly' });
    }
    if (party === 'operator') window.onenumberCall = peers[party];
    window.onenumberCallPeers = peers; // for tests: one peer per other party
  }
  return peers[party];
}

/** The operator's tile, or the other one (the third party for the citizen, the caller for a third party). */
function tileOf(party) {
  if (party === 'operator') return $('remote-video');
  $('other-figure').hidden = false;
  return $('other-video');
}

function guestLeft() {
  say('guestLeft');
  closePeer('guest');
}

function closePeer(party) {
  peers[party]?.close(false);
  delete peers[party];
  if (party === 'operator') $('remote-video').srcObject = null;
  else {
    $('other-video').srcObject = null;
    $('other-figure').hidden = true;
  }
}

/** Waiting (again): an operator who lost the call is gone (with any third party), so the next one starts afresh. */
function backInLine() {
  say('waiting');
  Object.keys(peers).forEach(closePeer);
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
  Object.values(peers).forEach((p) => p.close());
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
  if (session) send({ type: role === 'guest' ? 'leave' : 'hangup', contactId: session.contactId });
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
