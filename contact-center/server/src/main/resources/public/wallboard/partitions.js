// The wallboard's "routing partitions" panel (issue 11): who routes which queues. While the board
// is shown it reads GET /api/v1/cluster/partitions every 5 s (lease ownership is not an event the
// board's stream carries; a takeover shows within one read) and on the Refresh button: each
// partition's queues, the node holding its lease and the time left on it, whether the node serving
// this page routes it, and how many contacts wait in it (the oldest wait).
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  const EVERY_MS = 5000;
  let last = null;
  let failed = false;

  const fill = (text, values) => Object.entries(values).reduce((t, [k, v]) => t.replace('{' + k + '}', v), text);

  async function load() {
    const token = sessionStorage.getItem('onenumber.token');
    if (!token || $('board').hidden) return;
    try {
      const res = await fetch('/api/v1/cluster/partitions', {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
      if (res.status === 401 || res.status === 403) { $('partitions-section').hidden = true; return; }
      failed = !res.ok;
      if (res.ok) last = await res.json();
    } catch (e) {
      failed = true;
    }
    const section = $('partitions-section');
    section.dataset.loads = String(Number(section.dataset.loads || 0) + 1);
    render();
  }

  function lease(p, at) {
    if (!p.leaseExpiresAt) return p.owner ? I.t('ptAlone') : I.t('ptNobody');
    if (p.leaseExpired) return I.t('ptExpired');
    const left = Math.max(0, (Date.parse(p.leaseExpiresAt) - Date.parse(at)) / 1000);
    return fill(I.t('ptLeft'), {s: left.toFixed(1), e: p.epoch});
  }

  function render() {
    $('partitions-error').textContent = failed ? I.t('ptFailed') : '';
    if (!last) return;
    $('partitions-node').textContent = fill(I.t('ptNode'), {node: last.node,
      at: new Date(last.at).toLocaleTimeString(I.lang === 'ko' ? 'ko-KR' : 'en-GB')});
    const tbody = document.querySelector('#partitions tbody');
    tbody.innerHTML = '';
    last.partitions.forEach(p => {
      const tr = document.createElement('tr');
      tr.dataset.partition = p.partition;
      const waiting = p.waiting == null ? I.t('ptUnknown') : p.waiting + ' (' + p.oldestWaitSeconds + I.t('seconds') + ')';
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

  $('partitions-refresh').addEventListener('click', load);
  $('lang-toggle').addEventListener('click', render);
  new MutationObserver(() => { if (!$('board').hidden) load(); }).observe($('board'), {attributes: true, attributeFilter: ['hidden']});
  setInterval(load, EVERY_MS);
  load();
})();
