// The operator console shell: sign-in, presence state, offers with a countdown, and one tab per
// held contact up to the agent's messaging capacity. Work arrives over the routing engine's
// WebSocket (/ws/agents/{id}) with the poll endpoint (/api/v1/agents/{id}/work) as a fallback.
// The same socket says when an open conversation has a new message, a delivery status or a typing
// citizen; after a reconnect every open conversation is fetched once (frames may have been missed).
import { get, post, login, session } from './api.js';
import { Conversation } from './conversation.js';
import { mountCallCard } from './call-card.js';

const $ = (id) => document.getElementById(id);
const conversations = new Map();
const CONVERSATION_FRAMES = new Set(['message', 'message.status', 'typing']);
let directory = { departments: [], queues: [] };
let offersTimer = null;
let offers = [];
let socket = null;

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  try {
    await login(form.username.value.trim(), form.password.value);
    await start();
  } catch (e) {
    $('login-error').textContent = e.status === 401 ? 'Wrong operator id or password.' : `Sign-in failed: ${e.message}`;
  }
}

async function start() {
  $('login').hidden = true;
  $('workspace').hidden = false;
  $('presence').hidden = false;
  $('who').textContent = session.agent;
  const [departments, queues] = await Promise.all([get('/api/v1/departments'), get('/api/v1/queues')]);
  directory = { departments: departments.items ?? [], queues: queues.items ?? [] };
  connect();
  setInterval(poll, 3000);
  poll();
  $('state').focus();
}

async function changeState() {
  const [state, reason] = $('state').value.split(':');
  const agent = session.agent;
  try {
    let view;
    if (state === 'OFFLINE') view = await post(`/api/v1/agents/${agent}/logout`, { transferOpenContacts: false });
    else {
      const current = await get(`/api/v1/agents/${agent}`).catch(() => ({ state: 'OFFLINE' }));
      view = current.state === 'OFFLINE'
        ? await post(`/api/v1/agents/${agent}/login`, reason ? { startOnBreak: reason } : {})
        : await post(`/api/v1/agents/${agent}/state`, reason ? { state: 'BREAK', reason } : { state: 'AVAILABLE' });
    }
    showAgent(view);
  } catch (e) {
    $('agent-state').textContent = `State not changed: ${e.message}`;
  }
}

function showAgent(agent) {
  if (!agent) return;
  $('agent-state').textContent = agent.state + (agent.breakReason ? ` (${agent.breakReason})` : '');
  const choice = agent.state === 'BREAK' ? `BREAK:${agent.breakReason}` : agent.state;
  if ([...$('state').options].some((o) => o.value === choice)) $('state').value = choice;
  $('capacity').textContent = `(${agent.messagingInUse ?? conversations.size} of ${agent.maxMessaging ?? '?'})`;
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/ws/agents/${encodeURIComponent(session.agent)}?token=${encodeURIComponent(session.token)}`);
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(event.data);
    if (CONVERSATION_FRAMES.has(frame.type)) conversations.get(frame.contactId)?.onFrame(frame);
    else if (frame.type === 'snapshot') apply(frame);
    else if (frame.type === 'offer') { offers = offers.filter((o) => o.offerId !== frame.offer.offerId).concat(frame.offer); renderOffers(); }
    else if (frame.type === 'offer.withdrawn') { offers = offers.filter((o) => o.offerId !== frame.offerId); renderOffers(); }
    else poll();
  });
  socket.addEventListener('open', () => { for (const c of conversations.values()) c.refresh(); });
  socket.addEventListener('close', () => setTimeout(connect, 3000));
}

async function poll() {
  try {
    apply(await get(`/api/v1/agents/${encodeURIComponent(session.agent)}/work`));
  } catch (e) {
    $('agent-state').textContent = `Routing unavailable (${e.message})`;
  }
}

function apply(work) {
  showAgent(work.agent);
  offers = work.offers ?? [];
  renderOffers();
  for (const assignment of work.contacts ?? []) {
    if (!conversations.has(assignment.contactId) && assignment.state !== 'WRAP_UP') open(assignment);
  }
}

function renderOffers() {
  const list = $('offers');
  $('no-offers').hidden = offers.length > 0;
  list.replaceChildren(...offers.map((offer) => {
    const li = document.createElement('li');
    const title = Object.assign(document.createElement('strong'), { textContent: `${offer.channel} · ${offer.language} · ${offer.queueId}` });
    const topic = Object.assign(document.createElement('p'), { textContent: offer.topic ?? '' });
    const timer = Object.assign(document.createElement('p'), { className: 'countdown' });
    timer.dataset.expires = offer.expiresAt;
    const accept = Object.assign(document.createElement('button'), { type: 'button', className: 'accept', textContent: 'Accept' });
    const decline = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary decline', textContent: 'Decline' });
    accept.setAttribute('aria-label', `Accept ${offer.channel} contact: ${offer.topic ?? ''}`);
    decline.setAttribute('aria-label', `Decline ${offer.channel} contact: ${offer.topic ?? ''}`);
    accept.addEventListener('click', () => answer(offer, 'accept'));
    decline.addEventListener('click', () => answer(offer, 'decline'));
    li.append(title, topic, timer, accept, ' ', decline);
    return li;
  }));
  tickOffers();
  clearInterval(offersTimer);
  if (offers.length) offersTimer = setInterval(tickOffers, 1000);
}

function tickOffers() {
  for (const timer of document.querySelectorAll('.countdown')) {
    const left = Math.max(0, Math.round((Date.parse(timer.dataset.expires) - Date.now()) / 1000));
    timer.textContent = `Expires in ${left} s`;
  }
}

async function answer(offer, verb) {
  try {
    await post(`/api/v1/offers/${offer.offerId}/${verb}`, {});
    offers = offers.filter((o) => o.offerId !== offer.offerId);
    renderOffers();
    if (verb === 'accept') open({ contactId: offer.contactId, language: offer.language, channel: offer.channel, queueId: offer.queueId });
  } catch (e) {
    $('agent-state').textContent = `Offer ${verb} failed: ${e.message}`;
    poll();
  }
}

function open(assignment) {
  if (conversations.has(assignment.contactId)) return select(assignment.contactId);
  const id = assignment.contactId;
  const tab = Object.assign(document.createElement('button'), { type: 'button', id: `tab-${id}`, className: 'tab',
    textContent: `${assignment.channel ?? 'CHAT'} · ${id.slice(-6)}` });
  tab.setAttribute('role', 'tab');
  tab.setAttribute('aria-controls', `panel-${id}`);
  const panel = document.createElement('div');
  panel.id = `panel-${id}`;
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', tab.id);
  panel.append($('panel-template').content.cloneNode(true));
  tab.addEventListener('click', () => select(id));
  tab.addEventListener('keydown', (e) => {
    const tabs = [...document.querySelectorAll('#tabs [role=tab]')];
    const i = tabs.indexOf(tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      next.click();
    }
  });
  $('tabs').append(tab);
  $('panels').append(panel);
  conversations.set(id, new Conversation(assignment, panel, directory, closed));
  if (assignment.channel === 'VOICE') mountCallCard(panel, id, directory);
  select(id);
  panel.querySelector('textarea[name=reply]').focus();
}

function select(id) {
  for (const tab of document.querySelectorAll('#tabs [role=tab]')) {
    const on = tab.id === `tab-${id}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
  }
}

function closed(id) {
  conversations.delete(id);
  document.getElementById(`tab-${id}`)?.remove();
  document.getElementById(`panel-${id}`)?.remove();
  const next = document.querySelector('#tabs [role=tab]');
  if (next) { select(next.id.slice(4)); next.focus(); } else $('state').focus();
}

$('login-form').addEventListener('submit', signIn);
$('state').addEventListener('change', changeState);
if (session.token) start().catch(() => { session.clear(); location.reload(); });
else $('username').focus();
