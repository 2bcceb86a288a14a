// The operator console shell: sign-in (operators only; other roles are sent to their own page),
// presence, offers, the queue overview and one tab per held contact. Work arrives over the
// operator's socket (/ws/agents/{id}) with the work poll (/api/v1/agents/{id}/work) as a fallback;
// both carry the server's time, and every state shown is the server's. A contact the server
// closes loses its tab with a short notice.
import { get, post, login, session, agentPath } from './api.js';
import { Conversation } from './conversation.js';
import { Presence } from './presence.js';
import { Offers } from './offers.js';
import { Tabs } from './tabs.js';
import { QueueOverview } from './queues.js';
import { connectAgentSocket } from './socket.js';
import { installShortcuts } from './shortcuts.js';
import { mountCallCard } from './call-card.js';
import { mountVideoPanel } from './video-panel.js';
import { Invitations } from './invitations.js';
import { channelName } from './names.js';

const $ = (id) => document.getElementById(id);
const I = window.I18N;
const CONVERSATION_FRAMES = new Set(['message', 'message.status', 'typing']);
const POLL_MS = 3000;
const HOME = { SUPERVISOR: ['homeWallboard', '/wallboard/index.html'], ADMIN: ['homeWallboard', '/wallboard/index.html'],
  DEPARTMENT_STAFF: ['homeDepartment', '/wallboard/index.html'] };

const conversations = new Map();
const tabs = new Tabs();
let directory = { departments: [], queues: [] };
let me = { languages: [], name: '' };
const queueName = (id) => directory.queues.find((q) => q.id === id)?.name ?? id;
const presence = new Presence((agent) => overview?.watch(agent.loggedInQueues));
const offers = new Offers(answer, queueName);
let overview = null;
const invitations = new Invitations();

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  try {
    await login(form.username.value.trim(), form.password.value);
    await start();
  } catch (e) {
    $('login-error').textContent = e.status === 401 || e.status === 400 ? I.t('wrongCredentials') : I.fill('signInFailed', { why: e.message });
  }
}

/** Only operators get the workspace; other roles get a clear message and a link to their page. */
function wrongRole() {
  const role = session.roles.find((r) => HOME[r]);
  if (session.roles.includes('OPERATOR') || !role) return false;
  $('login').hidden = true;
  $('wrong-role').hidden = false;
  $('wrong-role').querySelector('.text').textContent =
    I.fill('wrongRole', { agent: session.agent, role: I.t(`role_${role}`), home: I.t(HOME[role][0]) });
  $('wrong-role').querySelector('a').href = HOME[role][1];
  return true;
}

async function start() {
  if (wrongRole()) return;
  $('login').hidden = true;
  $('workspace').hidden = false;
  $('presence').hidden = false;
  $('who').textContent = session.agent;
  const [departments, queues, settings, taxonomy] = await Promise.all([get('/api/v1/departments'),
    get('/api/v1/queues'), get('/api/v1/console/settings'), get('/api/v1/analytics/taxonomy').catch(() => null)]);
  directory = { departments: departments.items ?? [], queues: queues.items ?? [], taxonomy };
  me = settings;
  $('who').textContent = settings.name ? `${settings.name} (${session.agent})` : session.agent;
  presence.reasons(settings.breakReasons ?? []);
  overview = new QueueOverview($('queue-overview'), queueName);
  connectAgentSocket(onFrame, () => {
    $('connection-lost').hidden = true;
    poll();
    for (const c of conversations.values()) c.refresh();
  }, () => { $('connection-lost').hidden = false; });
  setInterval(poll, POLL_MS);
  await poll();
  installShortcuts(shortcutActions());
  I.onChange(() => {
    presence.show(presence.current);
    offers.render();
    overview.refresh();
    for (const c of conversations.values()) c.translate();
  });
  $('state').focus();
}

function onFrame(frame) {
  if (CONVERSATION_FRAMES.has(frame.type)) conversations.get(frame.contactId)?.onFrame(frame);
  else if (frame.type === 'snapshot') apply(frame);
  else if (frame.type === 'monitor') conversations.get(frame.contactId)?.showMonitored();
  else if (frame.type === 'note') conversations.get(frame.contactId)?.notes.load();
  else if (frame.type === 'offer') offers.add(frame.offer);
  else if (frame.type === 'call.invite') invitations.add(frame);
  else if (frame.type === 'offer.withdrawn') offers.remove(frame.offerId);
  else if (frame.type === 'contact.state' && frame.to === 'CLOSED') conversations.get(frame.contactId)?.closedByServer(frame.reason);
  else if (frame.type === 'contact.state' && frame.to === 'WRAP_UP' && frame.wrapUpEndsAt) {
    const c = conversations.get(frame.contactId);
    if (c) c.outcome.countdown(c.outcome.text ?? I.t('wrappingUp'), frame.wrapUpEndsAt);
    poll();
  } else poll();
}

async function poll() {
  const asked = performance.now();
  try {
    apply(await get(agentPath('/work')), asked);
  } catch (e) {
    $('agent-state').textContent = I.fill('routingUnavailable', { why: e.message });
  }
}

/** The server's work view; conversations opened after {@code asked} are newer than it and kept. */
function apply(work, asked = performance.now()) {
  presence.show(work.agent);
  offers.replace(work.offers ?? []);
  const held = new Set();
  for (const assignment of work.contacts ?? []) {
    held.add(assignment.contactId);
    if (!conversations.has(assignment.contactId)) open(assignment, false);
  }
  // Held no more: the server closed or moved it while no frame reached us.
  for (const [id, c] of conversations) if (!held.has(id) && c.openedAt < asked) c.closedByServer(null);
}

async function answer(offer, verb) {
  try {
    await post(`/api/v1/offers/${offer.offerId}/${verb}`, {});
    offers.remove(offer.offerId);
    if (verb === 'accept') open({ contactId: offer.contactId, language: offer.language, channel: offer.channel, queueId: offer.queueId }, true);
  } catch (e) {
    $('agent-state').textContent = I.fill(`${verb}Failed`, { why: e.message });
  }
  presence.refresh();
  poll();
}

function open(assignment, focus) {
  const id = assignment.contactId;
  if (conversations.has(id)) { tabs.select(id); return; }
  const panel = tabs.add(id, I.fill('tabCitizen', { channel: channelName(assignment.channel ?? 'CHAT') }));
  conversations.set(id, new Conversation(assignment, panel, {
    directory, languages: me.languages ?? [], operatorName: me.name,
    label: (cid, text) => tabs.label(cid, text), arrived: (cid) => tabs.arrived(cid), closed,
  }));
  if (focus || conversations.size === 1) {
    tabs.select(id);
    panel.querySelector('textarea[name=reply]').focus();
  } else tabs.paint(id);
  if (!tabs.selected()) tabs.select(id);
  if (assignment.channel === 'VOICE') mountCallCard(panel, id, directory);
  if (assignment.channel === 'VIDEO' || assignment.channel === 'VOICE') mountVideoPanel(panel, id, assignment.channel);
}

function closed(id, notice) {
  conversations.delete(id);
  tabs.remove(id);
  if (notice) {
    $('notice').hidden = false;
    $('notice').textContent = notice;
    clearTimeout(closed.timer);
    closed.timer = setTimeout(() => { $('notice').hidden = true; }, 8000);
  }
  const next = tabs.selected();
  if (next) $(`tab-${next}`).focus(); else $('state').focus();
  presence.refresh();
}

function inView() { return conversations.get(tabs.selected()); }

function shortcutActions() {
  return {
    accept: () => { const o = offers.first(); if (o) answer(o, 'accept'); },
    nextTab: () => tabs.next(1, true),
    search: () => inView()?.panel.querySelector('.knowledge input[name=q]').focus(),
    insert: () => inView()?.panel.querySelector('.results button.insert, .suggestions button.insert')?.click(),
    resolve: () => inView()?.outcome.resolve(),
    escalate: () => inView()?.outcome.openEscalation(),
    pictureInPicture: () => (inView()?.panel.querySelector('.video-pip:not([hidden])')
      ?? document.querySelector('#guest-calls .video-pip:not([hidden])'))?.click(),
  };
}

function signOut() {
  session.clear();
  location.reload();
}

I.apply();
I.onChange(() => { if (!$('wrong-role').hidden) wrongRole(); });
$('login-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('wrong-role-sign-out').addEventListener('click', signOut);
if (session.token) start().catch(() => { session.clear(); location.reload(); });
else $('username').focus();
