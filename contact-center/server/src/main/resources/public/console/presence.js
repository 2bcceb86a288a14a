// The agent's presence: the state selector mirrors the engine's availability (OFFLINE, AVAILABLE,
// BREAK with the city's reason codes, NOT_RESPONDING) and never shows a choice the server did not
// confirm; the load (offer ringing, busy, wrap-up) is shown beside it. NOT_RESPONDING comes with
// an explanation and a one-click way back to AVAILABLE.
import { get, post, agentPath } from './api.js';

const $ = (id) => document.getElementById(id);
const I = window.I18N;
const LOAD = new Set(['RESERVED', 'BUSY', 'WRAP_UP']);

/** A break reason's words: the catalogue's for the city's usual ones, else the code made readable. */
function reasonLabel(reason) {
  if (I.has(`br_${reason}`)) return I.t(`br_${reason}`);
  return reason.charAt(0).toUpperCase() + reason.slice(1).replace(/-/g, ' ');
}

export class Presence {
  constructor(onChanged) {
    this.onChanged = onChanged;
    this.current = { availability: 'OFFLINE', state: 'OFFLINE' };
    $('state').addEventListener('change', () => this.choose($('state').value));
    $('clear-not-responding').addEventListener('click', () => this.choose('AVAILABLE'));
  }

  /** Adds one option per break reason the city configured. */
  reasons(breakReasons) {
    const select = $('state');
    for (const reason of breakReasons) {
      select.append(Object.assign(document.createElement('option'), { value: `BREAK:${reason}` }));
    }
    this.nameBreaks();
  }

  /** The break options' words in the operator's language. */
  nameBreaks() {
    for (const option of $('state').options) {
      if (option.value.startsWith('BREAK:')) option.textContent = I.fill('breakOption', { reason: reasonLabel(option.value.slice(6)) });
    }
  }

  /** Shows the server's view of the agent (from the API, the poll or the socket). */
  show(agent) {
    if (!agent) return;
    this.current = agent;
    const availability = agent.availability ?? agent.state;
    const choice = availability === 'BREAK' ? `BREAK:${agent.breakReason}` : availability;
    const select = $('state');
    if (![...select.options].some((o) => o.value === choice) && availability === 'BREAK') {
      select.append(Object.assign(document.createElement('option'), { value: choice }));
    }
    this.nameBreaks();
    select.value = choice;
    select.dataset.state = choice;
    const load = LOAD.has(agent.state) ? ` · ${I.t(`load_${agent.state}`)}` : '';
    const words = I.has(`av_${availability}`) ? I.t(`av_${availability}`) : availability;
    $('agent-state').textContent = `${words}${agent.breakReason ? ` (${reasonLabel(agent.breakReason)})` : ''}${load}`;
    const note = $('state-note');
    note.hidden = availability !== 'NOT_RESPONDING';
    note.querySelector('.text').textContent = note.hidden ? '' : I.t('notResponding');
    if (agent.maxMessaging) $('capacity').textContent = I.fill('capacity', { used: agent.messagingInUse, max: agent.maxMessaging });
    this.onChanged?.(agent);
  }

  /** Asks the server for the chosen state; on failure the selector goes back to the server's state. */
  async choose(value) {
    const [state, reason] = value.split(':');
    try {
      let view;
      const now = await get(agentPath());
      if (state === 'OFFLINE') view = await post(agentPath('/logout'), { transferOpenContacts: false });
      else if (now.state === 'OFFLINE') view = await post(agentPath('/login'), reason ? { startOnBreak: reason } : {});
      else view = await post(agentPath('/state'), reason ? { state: 'BREAK', reason } : { state: 'AVAILABLE' });
      this.show(view);
    } catch (e) {
      const why = e.status === 409 && state === 'OFFLINE' ? I.t('closeConversationsFirst') : e.message;
      await this.refresh();
      $('agent-state').textContent = I.fill('stateNotChanged', { why });
    }
  }

  async refresh() {
    try { this.show(await get(agentPath())); } catch (e) { $('state').value = $('state').dataset.state ?? 'OFFLINE'; }
  }
}
