// The wallboard's "routing partitions" panel (issue 11): who routes which queues. Pushed, never
// polled: while the board is shown it holds GET /api/v1/cluster/partitions/stream open (ServerEvents
// of /department/case-alerts.js), whose 'partitions' event carries the view of GET
// /api/v1/cluster/partitions when it opens, on every ownership change (a takeover shows within about a
// second) and every 5 s (the waiting counts). Each partition's queues, the node holding its lease and
// the time left on it, whether the node serving this page routes it, and how many contacts wait in it
// (the oldest wait). The last change (acquired, lost, moved) and the stream's state are announced
// politely (role=status); a silent stream is opened again after three heartbeats. The panel is one
// keyboard stop (tabindex=0, a region named by its title) that scrolls sideways when the table is wider
// than the screen (long strings in Vietnamese or Mongolian).
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  let last = null;
  let lastChange = null;
  let state = null;
  let stream = null;

  function open() {
    const token = sessionStorage.getItem('onenumber.token');
    if (stream || !token || $('board').hidden) return;
    stream = window.ServerEvents.open('/api/v1/cluster/partitions/stream', {partitions: frame}, token, (s, status) => {
      if (s === 'denied') { $('partitions-section').hidden = true; return; }
      state = s;
      render();
    }, 2000);
  }

  function frame(f) {
    last = f;
    if (f.changes && f.changes.length) lastChange = f.changes;
    const section = $('partitions-section');
    section.dataset.frames = String(Number(section.dataset.frames || 0) + 1);
    render();
  }

  function lease(p, at) {
    if (!p.leaseExpiresAt) return p.owner ? I.t('ptAlone') : I.t('ptNobody');
    if (p.leaseExpired) return I.t('ptExpired');
    const left = Math.max(0, (Date.parse(p.leaseExpiresAt) - Date.parse(at)) / 1000);
    return I.fill('ptLeft', {s: I.number(left, {minimumFractionDigits: 1, maximumFractionDigits: 1}), e: p.epoch});
  }

  function change(c) {
    return I.fill('pt_' + c.change, {p: c.partition, from: c.from || I.t('ptNobody'), to: c.to || I.t('ptNobody'),
      e: c.epoch == null ? '–' : c.epoch});
  }

  function render() {
    $('partitions-state').textContent = state ? I.t(state === 'live' ? 'ptLive' : state === 'silent' ? 'ptSilent' : 'ptReconnecting') : '';
    $('partitions-state').className = state === 'live' || !state ? '' : 'error';
    $('partitions-change').textContent = lastChange ? lastChange.map(change).join(' · ') : '';
    if (!last) return;
    $('partitions-node').textContent = I.fill('ptNode', {node: last.node, at: I.time(last.at)});
    const tbody = document.querySelector('#partitions tbody');
    tbody.innerHTML = '';
    last.partitions.forEach(p => {
      const tr = document.createElement('tr');
      tr.dataset.partition = p.partition;
      const waiting = p.waiting == null ? I.t('ptUnknown') : I.number(p.waiting) + ' (' + I.number(p.oldestWaitSeconds) + I.t('seconds') + ')';
      const cells = [p.partition, p.queues.join(', '), p.owner || I.t('ptNobody'), lease(p, last.at),
        I.t(p.routedHere ? 'ptYes' : 'ptNo'), waiting];
      cells.forEach((text, i) => {
        const td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) td.scope = 'row';
        td.textContent = text;
        if (i === 1) td.className = 'queues';
        if (i === 3 && (p.leaseExpired || (!p.owner && last.clustered))) td.className = 'bad';
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  I.onChange(render);
  new MutationObserver(() => { if (!$('board').hidden) open(); }).observe($('board'), {attributes: true, attributeFilter: ['hidden']});
  open();
})();
