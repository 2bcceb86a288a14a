// The citizen panel: name (when known), language, identities, consent and earlier contacts. Tells
// the shell how to name the tab (name, or the masked phone).
import { get } from './api.js';
import { maskPhone } from './tabs.js';

export async function loadCitizen(contactId, panel) {
  const facts = panel.querySelector('.facts');
  try {
    const contact = await get(`/api/v1/contacts/${contactId}`);
    const citizen = await get(`/api/v1/citizens/${contact.citizenId}`);
    const add = (term, value) => facts.append(
      Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value }));
    facts.replaceChildren();
    add('Name', citizen.name || 'not given');
    add('Language', citizen.preferredLanguage);
    for (const id of citizen.identities ?? []) add(id.kind, id.value);
    add('SMS opt-out', citizen.consent?.smsOptOut ? 'yes (STOP)' : 'no');
    add('Keep history', citizen.consent?.storeHistory ? 'yes' : 'no');
    panel.querySelector('.history').replaceChildren(...(citizen.contacts ?? []).filter((c) => c.id !== contactId).map((c) =>
      Object.assign(document.createElement('li'), {
        textContent: `${new Date(c.createdAt).toLocaleString()} · ${c.channel} · ${c.state} · ${c.topic ?? ''}`,
      })));
    return { contact, citizen, label: label(citizen) };
  } catch (e) {
    facts.replaceChildren(Object.assign(document.createElement('dd'), { textContent: `Unavailable (${e.message})` }));
    return null;
  }
}

/** The citizen's name, else a masked phone, else "Citizen". */
function label(citizen) {
  if (citizen.name) return citizen.name;
  const phone = (citizen.identities ?? []).find((i) => /phone|sms|whatsapp/i.test(i.kind));
  return phone ? maskPhone(phone.value) : 'Citizen';
}
