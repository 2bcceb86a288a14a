// Korean and English texts of the department portal; window.I.t(key), window.I.lang.
'use strict';
window.I = (() => {
  const TEXT = {
    ko: {
      title: '부서 민원함', otherLanguage: 'English', logout: '로그아웃', login: '부서 직원 로그인', username: '아이디',
      password: '비밀번호', signin: '로그인', loginFailed: '로그인 실패: 부서 직원 계정이 필요합니다', inbox: '민원함',
      viewNew: '새 민원', viewMine: '내 민원', viewDueSoon: '기한 임박', viewOverdue: '기한 초과', viewActive: '진행 중 전체', viewFollowUp: '낮은 만족도 후속 조치',
      satisfactionTitle: '분류별 시민 만족도', satisfaction: '만족도 (1–5)', rated: '평가 수', lowRated: '낮은 평가 (1–2)',
      allCategories: '전체', ratedRow: '시민 평가', cityCategory: '분류 (시 분류 체계)', changeCategoryLabel: '바꿀 분류',
      changeCategory: '분류 변경', categoryChanged: '분류를 바꿨습니다.', noCategory: '분류 없음',
      categorySource_CONTACT: '상담원 분류', categorySource_AUTOMATIC: '자동 분류', categorySource_STAFF: '부서 직원이 정정',
      number: '접수번호', category: '분류', status: '상태', due: '처리 기한', empty: '해당하는 민원이 없습니다.',
      back: '← 민원함', assignee: '담당자', summary: '상담원 요약', citizenWords: '시민이 쓴 내용', actions: '처리',
      accept: '접수 확인', internalNote: '내부 메모', publicNote: '시민에게 알릴 내용', addNote: '메모 추가',
      question: '시민에게 질문', ask: '질문 보내기', department: '이관할 부서', reason: '이관 사유', reassign: '이관',
      answer: '시민에게 보낼 답변', resolve: '답변하고 처리 완료', welfareOutcome: '복지 조치 결과',
      welfareOutcomeChoose: '결과를 고르세요', outcome_VISIT_MADE: '방문 완료', outcome_SENIOR_SAFE: '어르신 안전 확인',
      outcome_EMERGENCY_SERVICES: '119 신고', outcome_HOSPITALISED: '입원·시설 입소', outcome_OTHER: '기타 조치', history: '처리 내역', conflict: '다른 사람이 먼저 수정했습니다. 새로 불러왔습니다.',
      failed: '처리하지 못했습니다: ', toAnswer: '이 답변을 지식 베이스 답변 초안으로', draftCreated: '지식 베이스 초안을 만들었습니다: ', citizen: '시민', staff: '직원', none: '없음', open: '열기',
      photos: '첨부 사진', photo: '사진', alerts: '기한 초과·낮은 만족도 알림', overdueAlert: '기한 초과: ', lowRatingAlert: '낮은 만족도 평가: ',
      linkedPhotos: '링크로 보낸 사진', showPhoto: '사진 보기', link_PENDING: '가져오는 중', link_DONE: '첨부됨', link_FAILED: '가져오지 못함', tries: '시도',
      addPhoto: '사진 첨부 (JPEG, PNG, GIF, WebP)', upload: '사진 올리기', photoAdded: '사진 첨부', uploaded: '사진을 첨부했습니다.',
      callInvites: '상담 초대', callInviteSign: '수어 영상 상담에 초대되었습니다. 초대한 상담사: ', callInviteVoice: '음성 상담에 초대되었습니다. 초대한 상담사: ', joinCall: '상담 참여', notNow: '나중에',

      status_OPEN: '접수', status_ACCEPTED: '접수 확인', status_IN_PROGRESS: '처리 중', status_WAITING_ON_CITIZEN: '시민 답변 대기',
      status_WAITING_ON_DEPARTMENT: '타 부서 협의', status_RESOLVED: '처리 완료', status_REJECTED: '처리 불가',
      status_REOPENED: '재접수', status_MERGED: '병합', status_CLOSED: '종결'
    },
    en: {
      title: 'Department cases', otherLanguage: '한국어', logout: 'Sign out', login: 'Department staff login', username: 'User',
      password: 'Password', signin: 'Sign in', loginFailed: 'Login failed: a department staff account is required', inbox: 'Inbox',
      viewNew: 'New', viewMine: 'Mine', viewDueSoon: 'Due soon', viewOverdue: 'Overdue', viewActive: 'All active', viewFollowUp: 'Low ratings to follow up',
      satisfactionTitle: 'Citizen satisfaction by category', satisfaction: 'Satisfaction (1–5)', rated: 'Ratings',
      lowRated: 'Low ratings (1–2)', allCategories: 'all', ratedRow: 'citizen rating',
      cityCategory: "Category (the city's tree)", changeCategoryLabel: 'New category', changeCategory: 'Change category',
      categoryChanged: 'The category was changed.', noCategory: 'no category',
      categorySource_CONTACT: "the operator's", categorySource_AUTOMATIC: 'classified automatically',
      categorySource_STAFF: 'corrected by staff',
      number: 'Case', category: 'Category', status: 'Status', due: 'Due', empty: 'No cases here.',
      back: '← Inbox', assignee: 'Assignee', summary: "Operator's summary", citizenWords: "The citizen's words", actions: 'Actions',
      accept: 'Accept', internalNote: 'Internal note', publicNote: 'Note for the citizen', addNote: 'Add note',
      question: 'Question to the citizen', ask: 'Send question', department: 'Reassign to', reason: 'Reason', reassign: 'Reassign',
      answer: 'Answer to the citizen', resolve: 'Answer and resolve', welfareOutcome: 'Welfare outcome',
      welfareOutcomeChoose: 'Choose the outcome', outcome_VISIT_MADE: 'Visit made', outcome_SENIOR_SAFE: 'Senior safe',
      outcome_EMERGENCY_SERVICES: 'Emergency services called', outcome_HOSPITALISED: 'In hospital or care',
      outcome_OTHER: 'Other (see the note)', history: 'History', conflict: 'Someone changed this case first; it was reloaded.',
      failed: 'Could not do that: ', toAnswer: 'Turn this answer into a knowledge-base answer', draftCreated: 'Knowledge-base draft created: ', citizen: 'citizen', staff: 'staff', none: 'none', open: 'open',
      photos: 'Photos', photo: 'Photo', alerts: 'Overdue and low-rating alerts', overdueAlert: 'Overdue: ', lowRatingAlert: 'Rated low: ',
      linkedPhotos: 'Linked photos', showPhoto: 'Show the photo', link_PENDING: 'being fetched', link_DONE: 'attached', link_FAILED: 'could not be fetched', tries: 'tries',
      addPhoto: 'Add a photo (JPEG, PNG, GIF, WebP)', upload: 'Upload photo', photoAdded: 'photo added', uploaded: 'The photo was added.',
      callInvites: 'Call invitations', callInviteSign: 'You are invited into a sign-language video call by ', callInviteVoice: 'You are invited into a voice call by ', joinCall: 'Join the call', notNow: 'Not now',

      status_OPEN: 'received', status_ACCEPTED: 'accepted', status_IN_PROGRESS: 'in progress', status_WAITING_ON_CITIZEN: 'waiting for the citizen',
      status_WAITING_ON_DEPARTMENT: 'waiting for another department', status_RESOLVED: 'resolved', status_REJECTED: 'rejected',
      status_REOPENED: 'reopened', status_MERGED: 'merged', status_CLOSED: 'closed'
    }
  };
  const asked = new URLSearchParams(location.search).get('lang');
  let lang = asked === 'en' || asked === 'ko' ? asked : (localStorage.getItem('onenumber.dept.lang') || 'ko');
  return {
    get lang() { return lang; },
    set lang(next) { lang = next; localStorage.setItem('onenumber.dept.lang', next); },
    t(key) { return TEXT[lang][key] ?? TEXT.en[key] ?? key; }
  };
})();
