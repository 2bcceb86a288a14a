-- Where each operator's phone rings: an Asterisk dial string (PJSIP/op-001) or a number/Twilio
-- client. One device per operator; a device belongs to one operator (device state -> presence).
create table agent_device (
  agent_id varchar(64) primary key references agent (id),
  device   varchar(200) not null unique
);
-- Demo operators seeded before this migration get their demo softphone endpoint.
insert into agent_device (agent_id, device) select id, 'PJSIP/' || id from agent where id like 'op-%';
