-- Canned responses (macros) per language and, optionally, department; supervisors manage them.
-- Bodies may hold the variables {citizenName}, {caseNumber} and {operatorName}.
create table macro (
  id         varchar(64) primary key,
  title      varchar(200) not null,
  body       varchar(4000) not null,
  language   varchar(8) not null,
  department varchar(64),
  updated_by varchar(64) not null,
  updated_at timestamp with time zone not null
);
create index macro_language on macro (language, department);

insert into macro (id, title, body, language, department, updated_by, updated_at) values
  ('greeting-en', 'Greeting', 'Hello {citizenName}, this is {operatorName} from the city''s 120 service. How can I help you?', 'en', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('case-en', 'Case number', 'Your request was passed to the department. Your case number is {caseNumber}; you will get an update by text message.', 'en', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('closing-en', 'Closing', 'Is there anything else I can help you with, {citizenName}? Thank you for contacting 120.', 'en', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('greeting-ko', '첫 인사', '안녕하세요 {citizenName}님, 120 다산콜 상담사 {operatorName}입니다. 무엇을 도와드릴까요?', 'ko', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('case-ko', '접수 번호 안내', '요청하신 내용을 담당 부서에 전달했습니다. 접수 번호는 {caseNumber}이며, 처리 결과는 문자로 알려 드립니다.', 'ko', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('closing-ko', '마무리 인사', '더 궁금하신 점은 없으신가요, {citizenName}님? 120 다산콜을 이용해 주셔서 감사합니다.', 'ko', null, 'seed', timestamp with time zone '2026-01-01 00:00:00+00'),
  ('water-bill-en', 'Water bill payment', 'You can pay your water bill online, by bank transfer or at any district office.', 'en', 'water', 'seed', timestamp with time zone '2026-01-01 00:00:00+00');
