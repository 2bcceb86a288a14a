// The public transparency page: GET /api/v1/transparency (no login, aggregates only) rendered as
// uPlot charts (decoration: aria-hidden) and the same numbers in tables, in Korean or English.
(function () {
  'use strict';
  const TEXTS = {
    ko: {
      title: '120 다산콜 서비스 공개', intro: '시민 응대 품질과 부서별 회신·처리 시간을 공개합니다. 개인정보는 포함되지 않습니다.',
      daysTitle: '일별 서비스 수준 (최근 31일)', daysCaption: '일별 수치', monthsTitle: '월별 서비스 수준 (최근 6개월)',
      monthsCaption: '월별 수치', day: '날짜', month: '월', offered: '인입', within: s => s + '초 이내 응대',
      fcr: '첫 통화 해결률', satisfaction: '만족도 (1–5)', departmentsTitle: '부서별 회신율과 처리 시간',
      departmentsCaption: '부서별 수치 (이관된 민원은 현재 담당 부서에 집계)', department: '부서', received: '접수',
      replyRate: '회신율', onTime: '기한 내 처리율', firstResponse: '첫 응답 (중앙값)', resolution: '처리 시간 (중앙값)',
      hours: '시간', updated: '기준 시각', failed: '수치를 불러오지 못했습니다. 잠시 후 다시 시도하세요.', other: 'English'
    },
    en: {
      title: 'Seoul 120: service transparency', intro: 'How well the city answers citizens, and how fast departments reply and close cases. No personal data.',
      daysTitle: 'Service level by day (last 31 days)', daysCaption: 'Figures by day', monthsTitle: 'Service level by month (last 6 months)',
      monthsCaption: 'Figures by month', day: 'Day', month: 'Month', offered: 'Contacts', within: s => 'Answered within ' + s + ' s',
      fcr: 'First-contact resolution', satisfaction: 'Satisfaction (1–5)', departmentsTitle: 'Department reply rates and closing times',
      departmentsCaption: 'Figures by department (reassigned cases count where they are now)', department: 'Department', received: 'Received',
      replyRate: 'Reply rate', onTime: 'Closed on time', firstResponse: 'First response (median)', resolution: 'Time to close (median)',
      hours: 'h', updated: 'As of', failed: 'The figures could not be loaded. Please try again later.', other: '한국어'
    }
  };
  const $ = id => document.getElementById(id);
  let lang = new URLSearchParams(location.search).get('lang') || localStorage.getItem('onenumber.transparency.lang') || 'ko';
  if (!TEXTS[lang]) lang = 'ko';
  let data = null;
  const charts = [];
  const t = key => TEXTS[lang][key];
  const pct = v => v == null ? '–' : (100 * v).toFixed(1) + '%';
  const score = v => v == null ? '–' : v.toFixed(2);
  const hours = v => v == null ? '–' : (v / 3600).toFixed(1) + ' ' + t('hours');

  function applyTexts() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
    $('lang').textContent = t('other');
    $('lang').lang = lang === 'ko' ? 'en' : 'ko';
    document.title = t('title') + ' — OneNumber';
    if (data) document.querySelectorAll('.sl-head').forEach(el => { el.textContent = t('within')(data.thresholdSeconds); });
  }

  function fill(id, rows, cells, key) {
    const tbody = document.querySelector('#' + id + ' tbody');
    tbody.innerHTML = '';
    rows.forEach(row => {
      const tr = document.createElement('tr');
      tr.dataset.key = row[key];
      cells(row).forEach(([text, cls], i) => {
        const td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) td.scope = 'row';
        td.textContent = text;
        if (cls) td.className = cls;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  const levelCells = row => [[row.period], [String(row.offered)], [pct(row.serviceLevel), 'service-level'],
    [pct(row.fcr), 'fcr'], [score(row.satisfaction), 'satisfaction']];

  function chart(el, labels, series, bars) {
    if (!window.uPlot) return;
    const xs = labels.map((_, i) => i);
    charts.push(new uPlot({
      width: Math.max(300, el.clientWidth || 800), height: 220, legend: {live: false},
      scales: {x: {time: false}, pct: {range: [0, 100]}},
      axes: [{values: (u, v) => v.map(i => labels[i] == null ? '' : labels[i])}, {scale: 'pct', values: (u, v) => v.map(x => x + '%')}],
      series: [{}].concat(series.map(([label, values, colour]) => ({label, scale: 'pct', stroke: colour, width: 2,
        fill: bars ? colour + '55' : undefined, paths: bars ? uPlot.paths.bars({size: [0.6]}) : undefined})))
    }, [xs].concat(series.map(s => s[1].map(v => v == null ? null : 100 * v))), el));
  }

  function render() {
    applyTexts();
    fill('days', data.days, levelCells, 'period');
    fill('months', data.months, levelCells, 'period');
    fill('departments', data.departments, row => [[lang === 'ko' ? row.nameKo : row.nameEn], [String(row.received)],
      [pct(row.replyRate), 'reply-rate'], [pct(row.onTimeRate), 'on-time'], [hours(row.firstResponseMedianSeconds)],
      [hours(row.resolutionMedianSeconds)]], 'department');
    charts.splice(0).forEach(c => c.destroy());
    const sl = t('within')(data.thresholdSeconds);
    chart($('days-chart'), data.days.map(d => d.period.slice(5)),
      [[sl, data.days.map(d => d.serviceLevel), '#1b7f3b'], [t('fcr'), data.days.map(d => d.fcr), '#2a6fdb']]);
    chart($('months-chart'), data.months.map(d => d.period),
      [[sl, data.months.map(d => d.serviceLevel), '#1b7f3b'], [t('fcr'), data.months.map(d => d.fcr), '#2a6fdb']]);
    chart($('departments-chart'), data.departments.map(d => lang === 'ko' ? d.nameKo : d.nameEn),
      [[t('replyRate'), data.departments.map(d => d.replyRate), '#2a6fdb'],
        [t('onTime'), data.departments.map(d => d.onTimeRate), '#1b7f3b']], true);
    $('updated').textContent = t('updated') + ': ' + new Date(data.at).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
    document.body.dataset.loaded = 'true';
  }

  async function load() {
    try {
      const res = await fetch('/api/v1/transparency', {headers: {Accept: 'application/json'}});
      if (!res.ok) throw new Error(String(res.status));
      data = await res.json();
      $('error').hidden = true;
      render();
    } catch (e) {
      $('error').textContent = t('failed');
      $('error').hidden = false;
    }
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('onenumber.transparency.lang', lang);
    if (data) render(); else applyTexts();
  });
  applyTexts();
  load();
})();
