// The rating of a resolved case's answer on /track/: five radio buttons (arrow keys move between them),
// an optional comment, one submit; posted with the same proof that found the case
// (POST /api/v1/track/rating). Shown while the view says canRate; afterwards the given score.
// Texts in the six citizen languages; track.js calls TrackRating.show(view, lang, proof, onRated).
'use strict';

window.TrackRating = (() => {
  const TEXT = {
    ko: { title: '답변 만족도', legend: '부서의 답변에 얼마나 만족하셨나요?', comment: '의견 (선택)', submit: '평가 보내기',
      scores: ['매우 불만족', '불만족', '보통', '만족', '매우 만족'], given: '보내 주신 평가: {n}점 / 5점. 감사합니다.',
      refused: '이 답변은 이미 평가했거나 평가 기간이 지났습니다.', failed: '평가를 보내지 못했습니다. 잠시 후 다시 시도해 주세요.',
      choose: '1점에서 5점 중 하나를 골라 주세요.' },
    en: { title: 'Rate the answer', legend: 'How satisfied are you with the department\'s answer?',
      comment: 'Comment (optional)', submit: 'Send rating',
      scores: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
      given: 'Your rating: {n} of 5. Thank you.', refused: 'This answer was already rated, or the time to rate it has passed.',
      failed: 'The rating could not be sent. Please try again shortly.', choose: 'Please choose a score from 1 to 5.' },
    zh: { title: '答复满意度', legend: '您对部门的答复满意吗？', comment: '意见（可选）', submit: '提交评价',
      scores: ['非常不满意', '不满意', '一般', '满意', '非常满意'], given: '您的评价：{n} / 5 分。谢谢。',
      refused: '该答复已评价过，或已超过评价期限。', failed: '评价未能提交，请稍后再试。', choose: '请选择 1 到 5 分。' },
    ja: { title: '回答の満足度', legend: '部署の回答にどのくらい満足されましたか？', comment: 'ご意見（任意）', submit: '評価を送信',
      scores: ['とても不満', '不満', 'ふつう', '満足', 'とても満足'], given: 'いただいた評価：{n} / 5。ありがとうございました。',
      refused: 'この回答はすでに評価済みか、評価期間を過ぎています。', failed: '評価を送信できませんでした。しばらくしてからお試しください。',
      choose: '1～5 のいずれかを選んでください。' },
    vi: { title: 'Đánh giá câu trả lời', legend: 'Bạn hài lòng với câu trả lời của cơ quan đến mức nào?',
      comment: 'Ý kiến (không bắt buộc)', submit: 'Gửi đánh giá',
      scores: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
      given: 'Đánh giá của bạn: {n} / 5. Xin cảm ơn.', refused: 'Câu trả lời này đã được đánh giá hoặc đã quá hạn đánh giá.',
      failed: 'Không gửi được đánh giá. Vui lòng thử lại sau.', choose: 'Vui lòng chọn từ 1 đến 5.' },
    mn: { title: 'Хариултын үнэлгээ', legend: 'Хэлтсийн хариултад хэр сэтгэл хангалуун байна вэ?',
      comment: 'Санал (заавал биш)', submit: 'Үнэлгээ илгээх', scores: ['Маш муу', 'Муу', 'Дунд зэрэг', 'Сайн', 'Маш сайн'],
      given: 'Таны үнэлгээ: {n} / 5. Баярлалаа.', refused: 'Энэ хариултыг аль хэдийн үнэлсэн эсвэл үнэлэх хугацаа дууссан.',
      failed: 'Үнэлгээг илгээж чадсангүй. Түр хүлээгээд дахин оролдоно уу.', choose: '1-ээс 5 хүртэл сонгоно уу.' }
  };
  let current = null;   // {view, lang, proof, onRated}
  const $ = id => document.getElementById(id);

  function options(text) {
    const chosen = document.querySelector('input[name="score"]:checked');
    $('rating-options').replaceChildren(...text.scores.map((name, i) => {
      const label = document.createElement('label');
      const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'score', value: i + 1 });
      input.id = 'score-' + (i + 1);
      input.checked = chosen != null && chosen.value === String(i + 1);
      label.append(input, ' ' + (i + 1) + ' · ' + name);
      return label;
    }));
  }

  function show(view, lang, proof, onRated) {
    current = { view, lang, proof, onRated };
    const text = TEXT[lang];
    for (const [id, key] of [['rating-title', 'title'], ['rating-legend', 'legend'], ['rating-comment-label', 'comment'],
      ['rating-submit', 'submit']]) {
      $(id).textContent = text[key];
    }
    options(text);
    $('rating-form').hidden = !view.canRate;
    $('rating-given').hidden = view.canRate || view.rating == null;
    $('rating-given').textContent = view.rating == null ? '' : text.given.replace('{n}', String(view.rating));
    $('rating-section').hidden = !view.canRate && view.rating == null;
  }

  async function submit(event) {
    event.preventDefault();
    const text = TEXT[current.lang];
    const chosen = document.querySelector('input[name="score"]:checked');
    const error = $('rating-error');
    if (!chosen) { error.textContent = text.choose; error.hidden = false; return; }
    error.hidden = true;
    const response = await fetch('/api/v1/track/rating', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...current.proof, score: Number(chosen.value), comment: $('rating-comment').value.trim() || null }) });
    if (response.ok) {
      current.onRated(await response.json());
      $('rating-given').focus();
    } else {
      error.textContent = response.status === 409 ? text.refused : text.failed;
      error.hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => $('rating-form').addEventListener('submit', submit));
  return { show };
})();
