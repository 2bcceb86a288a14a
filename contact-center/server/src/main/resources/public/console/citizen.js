// The citizen panel: name (when known), language, identities, consent, open cases and earlier
// contacts on every channel; a form to link another phone or e-mail the operator has verified
// (a link to another citizen's identity merges their history in). Tells the shell how to name
// the tab (name, or the masked phone).
import { get, api } from './api.js';
import { maskPhone } from './tabs.js';
import { channelName, identityKind, languageName } from './names.js';

const I = window.I18N;

export async function loadCitizen(contactId, panel) {
  const facts = panel.querySelector('.facts');
  try {
    const contact = await get(`/api/v1/contacts/${contactId}`);
    const citizen = await get(`/api/v1/citizens/${contact.citizenId}`);
    render(citizen, contactId, panel);
    wireLink(citizen.id, contactId, panel);
    return { contact, citizen, label: label(citizen) };
  } catch (e) {
    facts.replaceChildren(Object.assign(document.createElement('dd'), { textContent: I.fill('unavailable', { why: e.message }) }));
    return null;
  }
}

function render(citizen, contactId, panel) {
  const facts = panel.querySelector('.facts');
  const add = (term, value) => facts.append(
    Object.assign(document.createElement('dt'), { textContent: term }),
    Object.assign(document.createElement('dd'), { textContent: value }));
  facts.replaceChildren();
  add(I.t('name'), citizen.name || I.t('notGiven'));
  add(I.t('language'), languageName(citizen.preferredLanguage));
  for (const id of citizen.identities ?? []) add(identityKind(id.kind), id.value);
  add(I.t('smsOptOut'), I.t(citizen.consent?.smsOptOut ? 'yesStop' : 'no'));
  add(I.t('keepHistory'), I.t(citizen.consent?.storeHistory ? 'yes' : 'no'));
  const item = (text) => Object.assign(document.createElement('li'), { textContent: text });
  const cases = citizen.openCases ?? [];
  panel.querySelector('.open-cases').replaceChildren(...(cases.length ? cases.map((c) =>
    item(I.fill('openCase', { id: c.id, department: c.department, category: c.category, status: c.status, due: I.date(c.dueAt) })))
    : [item(I.t('none'))]));
  panel.querySelector('.history').replaceChildren(...(citizen.contacts ?? []).filter((c) => c.id !== contactId).map((c) =>
    item(`${I.dateTime(c.createdAt)} · ${channelName(c.channel)} · ${c.state} · ${c.topic ?? ''}`)));
}

function wireLink(citizenId, contactId, panel) {
  const form = panel.querySelector('.link-form');
  if (form.dataset.wired) return;
  form.dataset.wired = 'true';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = form.querySelector('.error');
    const status = form.querySelector('.link-status');
    error.textContent = '';
    status.textContent = '';
    try {
      const citizen = await api('POST', `/api/v1/citizens/${encodeURIComponent(citizenId)}/identities`, {
        kind: form.elements.kind.value, value: form.elements.value.value, verification: form.elements.verification.value });
      render(citizen, contactId, panel);
      status.textContent = I.fill('linked', { n: citizen.contacts?.length ?? 0 });
      form.elements.value.value = '';
    } catch (e) {
      error.textContent = e.message;
    }
  });
}

/** The citizen's name, else a masked phone, else "Citizen". */
function label(citizen) {
  if (citizen.name) return citizen.name;
  const phone = (citizen.identities ?? []).find((i) => /phone|sms|whatsapp/i.test(i.kind));
  return phone ? maskPhone(phone.value) : I.t('citizen');
}
