// The queue overview for operators: for each queue they are logged in to, how many wait and the
// longest wait (GET /api/v1/queues/{id}/status every few seconds while signed in).
import { get } from './api.js';

const REFRESH_MS = 5000;
const I = window.I18N;

export class QueueOverview {
  constructor(list, queueName) {
    this.list = list;
    this.queueName = queueName;
    this.queues = [];
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  watch(queueIds) {
    const next = [...(queueIds ?? [])].sort();
    if (next.join() === this.queues.join()) return;
    this.queues = next;
    this.refresh();
  }

  async refresh() {
    if (!this.queues.length) {
      this.list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: I.t('notInQueue') }));
      return;
    }
    const rows = await Promise.all(this.queues.map((id) => get(`/api/v1/queues/${encodeURIComponent(id)}/status`).catch(() => null)));
    this.list.replaceChildren(...rows.filter(Boolean).map((q) => {
      const li = document.createElement('li');
      li.dataset.queue = q.queueId;
      li.classList.toggle('busy', q.waiting > 0);
      li.append(Object.assign(document.createElement('strong'), { textContent: this.queueName(q.queueId) }),
        Object.assign(document.createElement('span'), { className: 'waiting', textContent: I.fill('waiting', { n: I.number(q.waiting) }) }),
        Object.assign(document.createElement('span'), { className: 'muted', textContent: q.waiting ? I.fill('longest', { time: format(q.oldestWaitingSeconds) }) : '' }));
      return li;
    }));
  }
}

function format(seconds) {
  return seconds < 60 ? I.fill('seconds', { s: seconds }) : I.fill('minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
}
