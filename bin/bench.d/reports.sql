-- bin/bench reports: writes one city day into a migrated OneNumber journal (psql variables contacts,
-- agents, day). Seeded; only the shape matters: arrivals over the day (10 % spread over 24 h, the rest
-- between 08:00 and 20:00, peaking mid-day), 70 % calls, a third of the operators on each 8-hour
-- shift, every contact's steps and the events the server journals with them.
select setseed(0.17);
create temporary table bench_contact as
select r.g as n,
       'bench-' || r.g as id,
       'bench-citizen-' || (r.g % (:contacts / 3 + 1)) as citizen,
       x.created,
       case when r.c < 0.70 then 'VOICE' when r.c < 0.82 then 'CHAT' when r.c < 0.92 then 'SMS'
            when r.c < 0.97 then 'WHATSAPP' else 'WEB_FORM' end as channel,
       case when r.l < 0.95 then 'ko' else 'en' end as language,
       case when r.l >= 0.95 then 'english' when r.c < 0.70 then 'general-ko' else 'messaging-ko' end as queue,
       case when r.a < 0.01 then 'ABANDONED' else 'CLOSED' end as state,
       floor(extract(epoch from x.created - (:'day'::date::timestamp at time zone 'Asia/Seoul')) / 28800)::int as shift,
       r.a, r.m, r.w, r.t, r.k
from (select g, random() c, random() l, random() a, random() m, random() w, random() t, random() k,
             random() h1, random() h2, random() h3, random() h4
      from generate_series(1, :contacts) g) r
cross join lateral (select (:'day'::date::timestamp at time zone 'Asia/Seoul')
  + make_interval(secs => 3600 * case when r.h1 < 0.1 then 24 * r.h2 else 8 + 12 * (r.h2 + r.h3 + r.h4) / 3 end) as created) x;

insert into citizen (id, preferred_language, store_history, record_calls, sms_opt_out)
select distinct citizen, 'ko', true, false, false from bench_contact;

create temporary table bench_step as
with timed as (
  select c.*,
         case when c.w < 0.95 then 10 * c.w else 15 + 900 * (c.w - 0.95) end as wait_s,
         c.m < 0.1 as missed,
         60 + 540 * c.t as talk_s,
         10 + 50 * c.k as wrap_s,
         (case when c.shift < 0 then 0 when c.shift > 2 then 2 else c.shift end) * (:agents / 3)
           + 1 + floor(c.k * c.t * 997 + c.a * 7919)::int % greatest(:agents / 3, 1) as agent_n
  from bench_contact c
), named as (
  select t.*, 'op-' || case when agent_n < 1000 then lpad(agent_n::text, 3, '0') else agent_n::text end as agent
  from timed t
)
select id, 0 as seq, 'CREATED' as state, created as at, null as agent_id, null as queue_id, null as reason, null as actor, agent as operator from named
union all select id, 1, 'QUEUED', created + interval '50 milliseconds', null, queue, null, null, agent from named
union all select id, 2, 'ABANDONED', created + make_interval(secs => 5 + 60 * t), null, null, 'hung-up', null, agent
  from named where state = 'ABANDONED'
union all select id, 2, 'OFFERED', created + interval '1 second', agent, null, null, null, agent
  from named where state = 'CLOSED' and missed
union all select id, 3, 'QUEUED', created + interval '21 seconds', null, null, 'offer-timeout', null, agent
  from named where state = 'CLOSED' and missed
union all select id, s.seq + case when missed then 2 else 0 end, s.state,
       created + make_interval(secs => wait_s + case when missed then 21 else 0 end + s.after), s.agent, null, s.reason,
       s.actor, named.agent
  from named cross join lateral (values
    (2, 'OFFERED', 0.0, agent, null, null),
    (3, 'CONNECTED', 3.0, agent, 'accepted', agent),
    (4, 'WRAP_UP', 3.0 + talk_s, null, 'channel', null),
    (5, 'CLOSED', 3.0 + talk_s + wrap_s, null, 'resolved', agent)) s(seq, state, after, agent, reason, actor)
  where named.state = 'CLOSED';

insert into contact (id, channel, citizen_id, language, required_skills, priority, queue_id, agent_id, topic, state,
                     created_at, updated_at)
select c.id, c.channel, c.citizen, c.language, '', 0, c.queue, null,
       (array['noise', 'parking', 'heat', 'water', 'street', 'sanitation', 'tax', 'transport', 'welfare', 'housing',
              'trees', 'graffiti', 'animals', 'lights', 'sewer', 'permits'])[1 + floor(16 * c.k * c.k)::int],
       c.state, c.created, c.created
from bench_contact c;

insert into contact_step (contact_id, seq, state, at, agent_id, queue_id, reason, actor)
select id, seq, state, at, agent_id, queue_id, reason, actor from bench_step;

-- What the journal writes beside the steps: contact.created and one contact.state-changed per later step, and the
-- operator's state changes (offered: RESERVED, accepted: BUSY, caller gone: WRAP_UP, closed: AVAILABLE).
insert into domain_event (type, at, contact_id, payload)
select case when seq = 0 then 'contact.created' else 'contact.state-changed' end, at, id,
       '{"contact":"' || id || '","state":"' || state || '","at":"' || to_char(at at time zone 'UTC',
       'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","queue":"' || coalesce(queue_id, '') || '"}'
from bench_step;
insert into domain_event (type, at, contact_id, payload)
select 'agent.state-changed', s.at, null,
       '{"agent":"' || s.operator || '","from":"' || m.from_state || '","to":"' || m.to_state || '","reason":null,"at":"'
       || to_char(s.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}'
from bench_step s
cross join lateral (values ('OFFERED', 'AVAILABLE', 'RESERVED'), ('CONNECTED', 'RESERVED', 'BUSY'),
                           ('WRAP_UP', 'BUSY', 'WRAP_UP'), ('CLOSED', 'WRAP_UP', 'AVAILABLE')) m(step, from_state, to_state)
where s.state = m.step and s.seq > 0;
analyze contact;
analyze contact_step;
analyze domain_event;
