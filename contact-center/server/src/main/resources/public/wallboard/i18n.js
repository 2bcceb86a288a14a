// Korean and English texts of the wallboard and staffing pages. window.I18N.apply() fills every
// element with data-i18n; the choice is kept in localStorage.
window.I18N = (function () {
  const texts = {
    ko: {
      title: '120 다산콜 실시간 현황', offline: '연결 안 됨', online: '실시간', tv: 'TV 모드', staffing: '인력 산정',
      login: '감독자 로그인', username: '아이디', password: '비밀번호', signin: '로그인',
      loginFailed: '로그인 실패: 감독자 계정이 필요합니다', sl: '서비스 레벨', target: '목표', waiting: '대기 호',
      longest: '최장 대기', offered: '인입', answered: '응대', response: '응답률', abandon: '포기율', abandoned: '포기',
      short: '단기 포기', asa: '평균 응답 속도', aht: '평균 처리 시간', fcr: '첫 통화 해결률', fcrSurvey: '설문 해결률', selfServed: 'ARS 자동 안내 종료',
      csat: '만족도', surveys: '설문', agents: '상담사 상태', intraday: '15분 단위 추이 (서비스 레벨·인입)',
      byQueue: '큐별', byChannel: '채널별', byLanguage: '언어별', name: '구분', occupancy: '점유율',
      within: '이내', seconds: '초', switchTo: 'English',
      AVAILABLE: '대기', RESERVED: '배정 중', BUSY: '통화', WRAP_UP: '후처리', BREAK: '휴식', NOT_RESPONDING: '무응답', OFFLINE: '로그아웃',
      volume: '예상 인입', interval: '구간(분)', ahtS: '평균 처리 시간(초)', targetSl: '목표 서비스 레벨(%)',
      thresholdS: '기준 시간(초)', patienceS: '평균 인내 시간(초, 0=Erlang C)', calculate: '계산', agentsNeeded: '필요 인원',
      expectedSl: '예상 서비스 레벨', abandonP: '예상 포기율', staffingTitle: '인력 산정 (Erlang C / Erlang A)',
      monitor: '상담 모니터링', campaigns: '문자 캠페인', welfare: '안부 확인', happyCalls: '해피콜', alerts: '경보 (기한 초과·낮은 만족도 민원·급증)', overdueAlert: '기한 초과', lowRatingAlert: '낮은 만족도 평가', issueAlert: '급증', issueChart: '시간대별 건수 (차트)', operatorHere: '이 화면은 감독자용입니다. 상담사는 상담 콘솔을 사용하세요.', openConsole: '상담 콘솔 열기',
      badNumber: '숫자를 입력하세요', volumeHelp: '쉼표로 구분한 구간별 인입 수',
      byDepartment: '부서별', byCategory: '유형별 (오늘 상위)', contactsToday: '오늘 인입', department: '부서', category: '유형', received: '접수', onTime: '기한 내 처리',
      firstResponse: '첫 응답 (중앙값 / p90)', resolution: '처리 시간 (중앙값 / p90)', overdue: '기한 초과',
      replyRate: '회신율', reopenRate: '재개율', answerSatisfaction: '답변 만족도 (평가 수)', allCategories: '전체', hours: '시간',
      accounts: '계정 관리', accountsTitle: '직원 계정 (관리자)', accountFilter: '아이디 또는 이름 검색', accountSearch: '검색',
      accountLogin: '아이디', accountName: '이름', accountRole: '역할', accountDepartment: '부서', accountState: '상태',
      accountActive: '사용 중', accountDisabled: '사용 중지', accountLocked: '로그인 잠김', accountDisable: '사용 중지',
      accountEnable: '다시 사용', accountUnlock: '잠금 해제', accountDone: '완료', accountMore: '더 있습니다: 검색어를 좁히세요',
      macros: '상용구 관리', macrosTitle: '상용구 (상담 콘솔의 답변 템플릿)', newMacro: '새 상용구', macroId: '식별자 (영문 소문자·숫자·-)',
      macroTitle: '제목', macroBody: '본문', macroLanguage: '언어', allDepartments: '모든 부서', save: '저장',
      cancel: '취소', edit: '수정', remove: '삭제', preview: '미리보기', variables: '변수 넣기', updated: '수정',
      confirmRemove: '이 상용구를 삭제할까요?', saved: '저장했습니다', removed: '삭제했습니다', noMacros: '상용구가 없습니다',
      citizenName: '민원인 이름', caseNumber: '사건 번호', operatorName: '상담사 이름', actions: '작업',
      hotspotsLink: '핫스팟', hotspotsTitle: '민원 핫스팟과 추이', mbTitle: '시민 모니터링 위원 명단', mbAdd: '위원 추가', mbName: '이름', mbLogin: '로그인 아이디 (선택)', mbPassword: '비밀번호 (로그인 아이디가 있을 때, 10자 이상)', mbAddButton: '추가', mbRoster: '명단', mbJoined: '가입일', mbBalance: '마일리지', mbAccepted: '채택된 관찰', mbState: '상태', mbNone: '위원 없음', mbLedger: '마일리지 내역', mbText: '관찰 내용', mbPoints: '점수', mbObservations: '관찰 (채택·검토 중·불채택)', mbOpen: '보기', mbDeactivate: '활동 종료', mbActive: '활동 중', mbLeft: '활동 종료됨', mbDeactivated: '{name} 위원의 활동을 종료했습니다 (로그인 중지)', mbAdded: '{name} 위원을 추가했습니다', mbAccept: '채택', mbReject: '불채택', mbFILED: '검토 중', mbACCEPTED: '채택', mbREJECTED: '불채택', membersLink: '모니터링 위원', cellContacts: '이 격자의 접수 건', drillTitle: '격자의 접수 건 (최근 {days}일, {n}건)', status: '상태', caseNo: '민원', address: '주소', words: '시민의 말', noRecords: '이 격자에 저장된 접수 건이 없습니다', wallboardLink: '실시간 현황', loadExport: '311 내보내기 파일 분석',
      exportFile: 'CSV 파일 (created_date, complaint_type, latitude, longitude)', analyse: '분석',
      mapTitle: '지도 (0.01° 격자, 빨간 원 = 핫스팟)', hotTitle: '핫스팟 (p < 0.01, 격자 평균 대비)', place: '위치',
      count: '건수', expected: '기대값', topTypes: '주요 유형', trendTitle: '시간대별·유형별 추이', hour: '시간',
      type: '유형', issuesTitle: '급증 경보 (자체 기준선 대비)', issue: '경보', baseline: '기준선', at: '시각',
      noIssues: '경보 없음', needFile: 'CSV 파일을 선택하세요', analysing: '분석 중…',
      summary: '{n}건 중 위치 있는 {located}건, 핫스팟 {hot}곳',
      reformLink: '개선 보드', rfTitle: '민원 개선 보드', rfOpen: '원인 태그와 개선 과제 등록',
      rfIssue: '이슈 (지도·경보에서 선택)', rfOpenFor: '개선 과제 열기', rfCity: '시 전체', rfArea: '지역',
      rfLinks: '연결된 민원·사건', rfLinksFor: '연결된 민원·사건: {title}', rfLinked: '연결된 민원·사건',
      rfDrill: '같은 유형의 최근 민원·사건 (선택)', rfLinkSelected: '선택 항목 연결', rfLinkedNow: '연결했습니다',
      rfNoRows: '없음', rfKind: '종류', rfContact: '민원', rfCase: '사건', rfWhen: '시각', rfWhere: '채널·부서',
      rfPick: '선택', rfHide: '닫기', rfType: '측정할 민원 유형', rfCause: '원인', rfTaskTitle: '과제명',
      rfOwner: '담당자 (계정)', rfDue: '기한', rfStep: '단계', rfOpenButton: '과제 등록', rfTasks: '개선 과제 (4단계 사다리)',
      rfState: '상태', rfBefore: '개선 전 (일 평균)', rfAfter: '개선 후 (일 평균)', rfChange: '변화', rfNone: '과제 없음',
      rfCauseLAW: '법령', rfCausePROCESS: '절차', rfCausePRACTICE: '관행', rfCauseSYSTEM: '시스템', rfOPEN: '진행 중',
      rfCLOSED: '완료', rfClimb: '다음 단계', rfClose: '완료 처리', rfClimbed: '단계를 올렸습니다', rfClosed: '완료했습니다',
      rfOpened: '과제를 등록했습니다',
      qualityLink: '품질 평가', qaTitle: '상담 품질 평가', qaSample: '평가 표본 추출 (종료된 채팅·문자)',
      qaOperator: '상담사 (비우면 전체)', qaSize: '건수', qaDraw: '표본 추출', qaTranscript: '대화 내용',
      qaScore: '평가 (가중 기준)', qaSave: '점수 저장', qaCalibration: '교차 평가 (평가자별 점수와 편차)', qaEvaluator: '평가자',
      qaPercent: '점수 (%)', qaOpen: '평가하기', qaDrawn: '{n}건을 뽑았습니다', qaSaved: '저장했습니다: {p}%',
      qaSpread: '평가자 {n}명, 평균 {mean}%, 최저 {min}%, 최고 {max}%, 표준편차 {sd}', qaOperatorSaid: '상담사',
      qaCitizenSaid: '민원인', qa_greeting: '인사', qa_accuracy: '정확성', qa_empathy: '공감', qa_resolution: '해결',
      qa_compliance: '규정 준수',
      ptTitle: '라우팅 파티션 (누가 어느 큐를 배분하나)', ptRefresh: '새로 고침', ptPartition: '파티션', ptQueues: '큐',
      ptOwner: '배분 노드', ptLease: '임대', ptHere: '이 노드에서 배분', ptWaiting: '대기 (최장)', ptYes: '예', ptNo: '아니요',
      ptLeft: '{s}초 남음 (세대 {e})', ptExpired: '만료됨: 인계 중', ptNobody: '없음 (인계 중)', ptAlone: '단일 노드 (임대 없음)',
      ptNode: '이 화면의 노드: {node} · {at} 기준', ptUnknown: '응답 없음', ptFailed: '파티션 현황을 읽지 못했습니다'
    },
    en: {
      title: 'OneNumber live wallboard', offline: 'offline', online: 'live', tv: 'TV mode', staffing: 'Staffing',
      login: 'Supervisor login', username: 'User', password: 'Password', signin: 'Sign in',
      loginFailed: 'Login failed: a supervisor account is required', sl: 'Service level', target: 'target', waiting: 'Waiting',
      longest: 'longest', offered: 'Offered', answered: 'answered', response: 'response', abandon: 'Abandonment',
      abandoned: 'abandoned', short: 'short', asa: 'Avg speed of answer', aht: 'handle time', fcr: 'First-contact resolution',
      fcrSurvey: 'survey-confirmed', selfServed: 'self-served by the IVR', csat: 'Satisfaction', surveys: 'surveys', agents: 'Agents', intraday: 'Intraday per 15 min (service level, volume)',
      byQueue: 'Queues', byChannel: 'Channels', byLanguage: 'Languages', name: 'Name', occupancy: 'occupancy',
      within: 'within', seconds: 's', switchTo: '한국어',
      AVAILABLE: 'available', RESERVED: 'reserved', BUSY: 'busy', WRAP_UP: 'wrap-up', BREAK: 'break', NOT_RESPONDING: 'not responding', OFFLINE: 'offline',
      volume: 'Forecast volume', interval: 'Interval (min)', ahtS: 'AHT (s)', targetSl: 'Target service level (%)',
      thresholdS: 'Threshold (s)', patienceS: 'Avg patience (s, 0 = Erlang C)', calculate: 'Calculate', agentsNeeded: 'Agents needed',
      expectedSl: 'Expected service level', abandonP: 'Expected abandonment', staffingTitle: 'Staffing (Erlang C / Erlang A)',
      monitor: 'Live conversations', campaigns: 'SMS campaigns', welfare: 'Senior Assurance Call', happyCalls: 'Happy-call surveys', alerts: 'Alerts (overdue and low-rated cases, emerging issues)', overdueAlert: 'Overdue', lowRatingAlert: 'Rated low', issueAlert: 'Emerging issue', issueChart: 'Requests per hour (chart)', operatorHere: 'This wallboard is for supervisors. Operators work in the console.', openConsole: 'Open the operator console',
      badNumber: 'must be a number', volumeHelp: 'contacts per interval, separated by commas',
      byDepartment: 'Departments', byCategory: 'Top categories today', contactsToday: 'Contacts today', department: 'Department', category: 'Category', received: 'Received',
      onTime: 'Answered on time', firstResponse: 'First response (median / p90)', resolution: 'Resolution (median / p90)',
      overdue: 'Overdue', replyRate: 'Reply rate', reopenRate: 'Reopen rate', answerSatisfaction: 'Answer satisfaction (ratings)', allCategories: 'all', hours: 'h',
      accounts: 'Accounts', accountsTitle: 'Staff accounts (administrators)', accountFilter: 'Search login or name', accountSearch: 'Search',
      accountLogin: 'Login', accountName: 'Name', accountRole: 'Role', accountDepartment: 'Department', accountState: 'State',
      accountActive: 'active', accountDisabled: 'disabled', accountLocked: 'locked out', accountDisable: 'Disable',
      accountEnable: 'Enable', accountUnlock: 'Unlock', accountDone: 'Done', accountMore: 'More accounts match: narrow the search',
      macros: 'Macros', macrosTitle: 'Macros (canned responses in the operator console)', newMacro: 'New macro',
      macroId: 'Identifier (lower-case letters, digits, -)', macroTitle: 'Title', macroBody: 'Text', macroLanguage: 'Language',
      allDepartments: 'All departments', save: 'Save', cancel: 'Cancel', edit: 'Edit', remove: 'Delete', preview: 'Preview',
      variables: 'Insert a variable', updated: 'Updated', confirmRemove: 'Delete this macro?', saved: 'Saved', removed: 'Deleted',
      noMacros: 'No macros yet', citizenName: 'citizen name', caseNumber: 'case number', operatorName: 'operator name', actions: 'Actions',
      hotspotsLink: 'Hotspots', hotspotsTitle: 'Complaint hotspots and trends', mbTitle: 'Citizen monitoring roster', mbAdd: 'Add a member', mbName: 'Name', mbLogin: 'Login (optional)', mbPassword: 'Password (with a login, at least 10 characters)', mbAddButton: 'Add', mbRoster: 'Roster', mbJoined: 'Joined', mbBalance: 'Mileage', mbAccepted: 'Accepted observations', mbState: 'State', mbNone: 'No members', mbLedger: 'Mileage ledger', mbText: 'Observation', mbPoints: 'Points', mbObservations: 'Observations (accepted, under review, rejected)', mbOpen: 'Open', mbDeactivate: 'Deactivate', mbActive: 'Active', mbLeft: 'Left the roster', mbDeactivated: '{name} left the roster (login disabled)', mbAdded: '{name} added', mbAccept: 'Accept', mbReject: 'Reject', mbFILED: 'under review', mbACCEPTED: 'accepted', mbREJECTED: 'rejected', membersLink: 'Monitoring members', cellContacts: 'Requests here', drillTitle: 'Requests in the cell (last {days} days, {n})', status: 'Status', caseNo: 'Case', address: 'Address', words: "Citizen's words", noRecords: 'No stored requests in this cell', wallboardLink: 'Wallboard', loadExport: 'Analyse a 311 export',
      exportFile: 'CSV file (created_date, complaint_type, latitude, longitude)', analyse: 'Analyse',
      mapTitle: 'Map (0.01° grid, red circles = hotspots)', hotTitle: 'Hotspots (p < 0.01 against the grid mean)', place: 'Place',
      count: 'Requests', expected: 'Expected', topTypes: 'Top types', trendTitle: 'Trend per hour and type', hour: 'Hour',
      type: 'Type', issuesTitle: 'Emerging issues (against their own baseline)', issue: 'Issue', baseline: 'Baseline', at: 'At',
      noIssues: 'No alerts', needFile: 'Choose a CSV file', analysing: 'Analysing…',
      summary: '{n} requests, {located} located, {hot} hotspots',
      reformLink: 'Reform board', rfTitle: 'Reform board', rfOpen: 'Tag a cause and open a reform task',
      rfIssue: 'Issue (picked from the map and the alerts)', rfOpenFor: 'Open a reform task', rfCity: 'city-wide',
      rfArea: 'area', rfLinks: 'Contacts and cases', rfLinksFor: 'Contacts and cases of: {title}',
      rfLinked: 'Linked contacts and cases', rfDrill: 'Recent contacts and cases of the type (pick)',
      rfLinkSelected: 'Link selected', rfLinkedNow: 'Linked', rfNoRows: 'None', rfKind: 'Kind', rfContact: 'Contact',
      rfCase: 'Case', rfWhen: 'When', rfWhere: 'Channel or department', rfPick: 'Pick', rfHide: 'Hide', rfType: 'Complaint type measured', rfCause: 'Cause',
      rfTaskTitle: 'Task', rfOwner: 'Owner (login)', rfDue: 'Due', rfStep: 'Step', rfOpenButton: 'Open task',
      rfTasks: 'Reform tasks (four-step ladder)', rfState: 'Status', rfBefore: 'Before (per day)', rfAfter: 'After (per day)',
      rfChange: 'Change', rfNone: 'No tasks', rfCauseLAW: 'Law', rfCausePROCESS: 'Process', rfCausePRACTICE: 'Practice',
      rfCauseSYSTEM: 'System', rfOPEN: 'Open', rfCLOSED: 'Closed', rfClimb: 'Next step', rfClose: 'Close',
      rfClimbed: 'Moved up the ladder', rfClosed: 'Closed', rfOpened: 'Task opened',
      qualityLink: 'Quality', qaTitle: 'Quality evaluation', qaSample: 'Draw a sample (closed chats and texts)',
      qaOperator: 'Operator (empty: everyone)', qaSize: 'How many', qaDraw: 'Draw sample', qaTranscript: 'Transcript',
      qaScore: 'Score (weighted criteria)', qaSave: 'Save scores', qaCalibration: 'Calibration (each evaluator and the spread)',
      qaEvaluator: 'Evaluator', qaPercent: 'Score (%)', qaOpen: 'Evaluate', qaDrawn: '{n} drawn', qaSaved: 'Saved: {p}%',
      qaSpread: '{n} evaluators, mean {mean}%, lowest {min}%, highest {max}%, standard deviation {sd}',
      qaOperatorSaid: 'Operator', qaCitizenSaid: 'Citizen', qa_greeting: 'Greeting', qa_accuracy: 'Accuracy',
      qa_empathy: 'Empathy', qa_resolution: 'Resolution', qa_compliance: 'Compliance',
      ptTitle: 'Routing partitions (who routes which queues)', ptRefresh: 'Refresh', ptPartition: 'Partition', ptQueues: 'Queues',
      ptOwner: 'Routed by node', ptLease: 'Lease', ptHere: 'Routed by this node', ptWaiting: 'Waiting (oldest)', ptYes: 'yes',
      ptNo: 'no', ptLeft: '{s} s left (epoch {e})', ptExpired: 'expired: being taken over', ptNobody: 'nobody (being taken over)',
      ptAlone: 'one node (no lease)', ptNode: 'This page is served by node {node} · as of {at}', ptUnknown: 'no answer',
      ptFailed: 'Could not read the partitions'
    }
  };
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') || localStorage.getItem('onenumber.lang') || (navigator.language || 'ko').slice(0, 2);
  if (!texts[lang]) lang = 'ko';
  function t(key) { return (texts[lang] && texts[lang][key]) || key; }
  function apply() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    const toggle = document.getElementById('lang-toggle');
    if (toggle) toggle.textContent = t('switchTo');
  }
  function toggle() {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('onenumber.lang', lang);
    apply();
  }
  return { t, apply, toggle, get lang() { return lang; } };
})();
