// The public transparency page: GET /api/v1/transparency (no login, aggregates only) rendered as
// uPlot charts (decoration: aria-hidden) and the same numbers in tables, in the six languages the city
// serves its citizens in (ko, en, zh, ja, vi, mn), chosen from a list.
(function () {
  'use strict';
  const TEXTS = {
    ko: {
      title: '120 다산콜 서비스 공개', intro: '시민 응대 품질과 부서별 회신·처리 시간을 공개합니다. 개인정보는 포함되지 않습니다.',
      daysTitle: '일별 서비스 수준 (최근 31일)', daysCaption: '일별 수치', monthsTitle: '월별 서비스 수준 (최근 6개월)',
      monthsCaption: '월별 수치', day: '날짜', month: '월', offered: '인입', within: s => s + '초 이내 응대',
      fcr: '첫 통화 해결률', satisfaction: '만족도 (1–5)', departmentsTitle: '부서별 회신율과 처리 시간',
      departmentsCaption: '부서별 수치 (이관된 민원은 현재 담당 부서에 집계)', department: '부서', received: '접수',
      replyRate: '회신율', onTime: '기한 내 처리율', answerSatisfaction: '답변 만족도 (1–5, 평가 수)', firstResponse: '첫 응답 (중앙값)', resolution: '처리 시간 (중앙값)',
      hours: '시간', updated: '기준 시각', failed: '수치를 불러오지 못했습니다. 잠시 후 다시 시도하세요.', language: '언어',
      categoriesTitle: '분야별 답변 만족도', categoriesCaption: '분야별 답변 만족도 수치', category: '분야', ratings: '평가 수', average: '평균 (1–5)', satisfied: '만족 (4–5점) 비율', fewer: n => n + '건 미만', suppressedNote: n => '평가가 ' + n + '건 미만인 분야는 개인을 알아볼 수 없도록 수치를 공개하지 않습니다.'
    },
    en: {
      title: 'Seoul 120: service transparency', intro: 'How well the city answers citizens, and how fast departments reply and close cases. No personal data.',
      daysTitle: 'Service level by day (last 31 days)', daysCaption: 'Figures by day', monthsTitle: 'Service level by month (last 6 months)',
      monthsCaption: 'Figures by month', day: 'Day', month: 'Month', offered: 'Contacts', within: s => 'Answered within ' + s + ' s',
      fcr: 'First-contact resolution', satisfaction: 'Satisfaction (1–5)', departmentsTitle: 'Department reply rates and closing times',
      departmentsCaption: 'Figures by department (reassigned cases count where they are now)', department: 'Department', received: 'Received',
      replyRate: 'Reply rate', onTime: 'Closed on time', answerSatisfaction: 'Answer satisfaction (1–5, ratings)', firstResponse: 'First response (median)', resolution: 'Time to close (median)',
      hours: 'h', updated: 'As of', failed: 'The figures could not be loaded. Please try again later.', language: 'Language',
      categoriesTitle: 'Satisfaction with answers by category', categoriesCaption: 'Answer satisfaction by category', category: 'Category', ratings: 'Ratings', average: 'Average (1–5)', satisfied: 'Satisfied (4–5)', fewer: n => 'fewer than ' + n, suppressedNote: n => 'Categories with fewer than ' + n + ' ratings show no figures, so that no one can be recognised.'
    },
    zh: {
      title: '首尔120：服务公开', intro: '公开市民咨询的服务质量以及各部门的回复和处理时间。不含个人信息。',
      daysTitle: '每日服务水平（最近31天）', daysCaption: '每日数据', monthsTitle: '每月服务水平（最近6个月）',
      monthsCaption: '每月数据', day: '日期', month: '月份', offered: '来电/咨询', within: s => s + '秒内接听',
      fcr: '首次联系解决率', satisfaction: '满意度（1–5）', departmentsTitle: '各部门回复率与处理时间',
      departmentsCaption: '各部门数据（转办的案件计入现负责部门）', department: '部门', received: '受理',
      replyRate: '回复率', onTime: '按期处理率', answerSatisfaction: '答复满意度（1–5，评价数）', firstResponse: '首次回复（中位数）', resolution: '处理时间（中位数）',
      hours: '小时', updated: '统计时间', failed: '无法加载数据，请稍后再试。', language: '语言',
      categoriesTitle: '各类别答复满意度', categoriesCaption: '各类别答复满意度数据', category: '类别', ratings: '评价数', average: '平均（1–5）', satisfied: '满意（4–5分）比例', fewer: n => '少于' + n, suppressedNote: n => '评价少于' + n + '条的类别不公开数据，以免识别个人。'
    },
    ja: {
      title: 'ソウル120：サービス公開', intro: '市民対応の品質と、部署ごとの回答・処理時間を公開します。個人情報は含まれません。',
      daysTitle: '日別サービスレベル（直近31日）', daysCaption: '日別の数値', monthsTitle: '月別サービスレベル（直近6か月）',
      monthsCaption: '月別の数値', day: '日付', month: '月', offered: '受付件数', within: s => s + '秒以内に応答',
      fcr: '一次解決率', satisfaction: '満足度（1–5）', departmentsTitle: '部署別の回答率と処理時間',
      departmentsCaption: '部署別の数値（移管された案件は現在の担当部署で集計）', department: '部署', received: '受付',
      replyRate: '回答率', onTime: '期限内処理率', answerSatisfaction: '回答の満足度（1–5、評価数）', firstResponse: '初回応答（中央値）', resolution: '処理時間（中央値）',
      hours: '時間', updated: '集計時点', failed: '数値を読み込めませんでした。しばらくしてからもう一度お試しください。', language: '言語',
      categoriesTitle: '分野別の回答満足度', categoriesCaption: '分野別の回答満足度の数値', category: '分野', ratings: '評価数', average: '平均（1–5）', satisfied: '満足（4–5）の割合', fewer: n => n + '件未満', suppressedNote: n => '評価が' + n + '件未満の分野は、個人が特定されないよう数値を公開しません。'
    },
    vi: {
      title: 'Seoul 120: công khai dịch vụ', intro: 'Chất lượng phục vụ người dân và thời gian trả lời, xử lý của từng cơ quan. Không có dữ liệu cá nhân.',
      daysTitle: 'Mức dịch vụ theo ngày (31 ngày gần nhất)', daysCaption: 'Số liệu theo ngày', monthsTitle: 'Mức dịch vụ theo tháng (6 tháng gần nhất)',
      monthsCaption: 'Số liệu theo tháng', day: 'Ngày', month: 'Tháng', offered: 'Lượt liên hệ', within: s => 'Trả lời trong ' + s + ' giây',
      fcr: 'Giải quyết ngay lần đầu', satisfaction: 'Mức hài lòng (1–5)', departmentsTitle: 'Tỷ lệ trả lời và thời gian xử lý theo cơ quan',
      departmentsCaption: 'Số liệu theo cơ quan (hồ sơ được chuyển tính cho cơ quan đang phụ trách)', department: 'Cơ quan', received: 'Tiếp nhận',
      replyRate: 'Tỷ lệ trả lời', onTime: 'Xử lý đúng hạn', answerSatisfaction: 'Mức hài lòng với câu trả lời (1–5, số đánh giá)', firstResponse: 'Phản hồi đầu tiên (trung vị)', resolution: 'Thời gian xử lý (trung vị)',
      hours: 'giờ', updated: 'Cập nhật lúc', failed: 'Không tải được số liệu. Vui lòng thử lại sau.', language: 'Ngôn ngữ',
      categoriesTitle: 'Mức hài lòng với câu trả lời theo lĩnh vực', categoriesCaption: 'Số liệu hài lòng theo lĩnh vực', category: 'Lĩnh vực', ratings: 'Số đánh giá', average: 'Trung bình (1–5)', satisfied: 'Hài lòng (4–5)', fewer: n => 'dưới ' + n, suppressedNote: n => 'Lĩnh vực có dưới ' + n + ' đánh giá không được công bố số liệu để không ai bị nhận ra.'
    },
    mn: {
      title: 'Сөүл 120: үйлчилгээний ил тод байдал', intro: 'Иргэдэд үйлчилсэн чанар, газар тус бүрийн хариу өгөх, шийдвэрлэх хугацааг нийтэлнэ. Хувийн мэдээлэл агуулаагүй.',
      daysTitle: 'Өдрийн үйлчилгээний түвшин (сүүлийн 31 өдөр)', daysCaption: 'Өдрийн тоон үзүүлэлт', monthsTitle: 'Сарын үйлчилгээний түвшин (сүүлийн 6 сар)',
      monthsCaption: 'Сарын тоон үзүүлэлт', day: 'Өдөр', month: 'Сар', offered: 'Хандалт', within: s => s + ' секундэд хариулсан',
      fcr: 'Анхны хандалтаар шийдсэн', satisfaction: 'Сэтгэл ханамж (1–5)', departmentsTitle: 'Газруудын хариу өгсөн хувь ба шийдвэрлэх хугацаа',
      departmentsCaption: 'Газар тус бүрийн үзүүлэлт (шилжүүлсэн хэргийг одоогийн хариуцагч газарт тооцно)', department: 'Газар', received: 'Хүлээн авсан',
      replyRate: 'Хариу өгсөн хувь', onTime: 'Хугацаандаа шийдсэн', answerSatisfaction: 'Хариултын сэтгэл ханамж (1–5, үнэлгээний тоо)', firstResponse: 'Анхны хариу (медиан)', resolution: 'Шийдвэрлэх хугацаа (медиан)',
      hours: 'цаг', updated: 'Шинэчилсэн', failed: 'Үзүүлэлтийг ачаалж чадсангүй. Дараа дахин оролдоно уу.', language: 'Хэл',
      categoriesTitle: 'Ангиллаар хариултын сэтгэл ханамж', categoriesCaption: 'Ангиллаар хариултын сэтгэл ханамжийн үзүүлэлт', category: 'Ангилал', ratings: 'Үнэлгээний тоо', average: 'Дундаж (1–5)', satisfied: 'Сэтгэл хангалуун (4–5)', fewer: n => n + '-аас цөөн', suppressedNote: n => n + '-аас цөөн үнэлгээтэй ангиллын үзүүлэлтийг хэн нэгнийг таних боломжгүй байхаар нийтлэхгүй.'
    }
  };
  const LANG_KEY = 'onenumber.transparency.lang';
  const locale = () => LanguageSelect.locale(lang);
  const departmentName = row => lang === 'ko' ? row.nameKo : row.nameEn;
  // A category without an English name in the city's tree keeps its Korean name (marked lang=ko).
  const categoryName = row => lang === 'ko' || !row.nameEn ? row.nameKo : row.nameEn;
  const departmentOf = row => (data.departments.find(d => d.department === row.department) || {nameKo: row.department, nameEn: row.department});
  const $ = id => document.getElementById(id);
  let lang = LanguageSelect.start(LANG_KEY, TEXTS, false);
  let data = null;
  const charts = [];
  const t = key => TEXTS[lang][key];
  const pct = v => v == null ? '–' : (100 * v).toFixed(1) + '%';
  const score = v => v == null ? '–' : v.toFixed(2);
  const hours = v => v == null ? '–' : (v / 3600).toFixed(1) + ' ' + t('hours');

  function applyTexts() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
    $('lang').value = lang;
    $('lang-label').textContent = t('language');
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
        if (i === 0 && row.nameKo && cells === categoryCells && categoryName(row) === row.nameKo) td.lang = 'ko';
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  const levelCells = row => [[row.period], [String(row.offered)], [pct(row.serviceLevel), 'service-level'],
    [pct(row.fcr), 'fcr'], [score(row.satisfaction), 'satisfaction']];

  const categoryCells = row => [[categoryName(row)], [departmentName(departmentOf(row))],
    [row.suppressed ? t('fewer')(data.minRatings) : String(row.rated), 'ratings'],
    [row.suppressed ? '–' : score(row.satisfaction), 'average'], [row.suppressed ? '–' : pct(row.satisfiedShare), 'satisfied']];

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
    fill('departments', data.departments, row => [[departmentName(row)], [String(row.received)],
      [pct(row.replyRate), 'reply-rate'], [pct(row.onTimeRate), 'on-time'], [hours(row.firstResponseMedianSeconds)],
      [hours(row.resolutionMedianSeconds)],
      [row.rated > 0 ? score(row.satisfaction) + ' (' + row.rated + ')' : score(null), 'answer-satisfaction']],
      'department');
    fill('categories', data.categories.map(r => Object.assign({key: r.department + '/' + r.nameKo}, r)), categoryCells, 'key');
    $('categories-note').textContent = t('suppressedNote')(data.minRatings);
    charts.splice(0).forEach(c => c.destroy());
    const sl = t('within')(data.thresholdSeconds);
    chart($('days-chart'), data.days.map(d => d.period.slice(5)),
      [[sl, data.days.map(d => d.serviceLevel), '#1b7f3b'], [t('fcr'), data.days.map(d => d.fcr), '#2a6fdb']]);
    chart($('months-chart'), data.months.map(d => d.period),
      [[sl, data.months.map(d => d.serviceLevel), '#1b7f3b'], [t('fcr'), data.months.map(d => d.fcr), '#2a6fdb']]);
    chart($('departments-chart'), data.departments.map(departmentName),
      [[t('replyRate'), data.departments.map(d => d.replyRate), '#2a6fdb'],
        [t('onTime'), data.departments.map(d => d.onTimeRate), '#1b7f3b']], true);
    const shown = data.categories.filter(r => !r.suppressed);
    if (shown.length) chart($('categories-chart'), shown.map(categoryName), [[t('satisfied'), shown.map(r => r.satisfiedShare), '#1b7f3b']], true);
    $('updated').textContent = t('updated') + ': ' + new Date(data.at).toLocaleString(locale());
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

  LanguageSelect.wire($('lang'), LANG_KEY, lang, code => { lang = code; if (data) render(); else applyTexts(); });
  applyTexts();
  load();
})();
