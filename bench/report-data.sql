-- Generated history for the report benchmark (bench/reports.sh), PostgreSQL only:
--   psql -v org=<organization id> -v conversations=100000 -v days=61 -f bench/report-data.sql
-- Writes ended conversations, their transitions and messages straight into Kefu's tables, as Kefu itself would have
-- stored them, spread over the :days days before today and over every agent of every group of the organization.
-- One in ten is abandoned in the queue (the customer's message and the end line); the others are served: assigned
-- after 5-59 s, then 11-31 messages ten seconds apart, customer and agent in turn, then closed. About half get a
-- summary, three in ten a rating. At 100,000 conversations that is 2,000,000 messages.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_agent ON COMMIT DROP AS
SELECT m.group_id, m.staff_id, s.display_name, row_number() OVER (ORDER BY m.group_id, m.staff_id) - 1 AS n
FROM group_member m
JOIN business_group g ON g.id = m.group_id
JOIN staff_member s ON s.id = m.staff_id
WHERE g.organization_id = :'org'::uuid AND s.roles LIKE '%AGENT%';

SELECT count(*) AS agents FROM bench_agent \gset

CREATE TEMP TABLE bench_conversation ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, i, a.group_id, a.staff_id AS agent_id, a.display_name AS agent_name,
       date_trunc('second', now()) - make_interval(days => 1 + (i % :days)) - make_interval(secs => (i * 7919) % 86400)
           AS created_at,
       i % 10 = 0 AS abandoned,
       CASE WHEN i % 3 = 0 THEN 'app' ELSE 'web' END AS channel,
       5 + (i % 55) AS wait_s,
       CASE WHEN i % 10 = 0 THEN 1 ELSE 11 + (i % 21) END AS talk
FROM generate_series(0, :conversations - 1) AS i
JOIN bench_agent a ON a.n = i % :agents;

-- Served: messages 1..talk, then the system's end line; abandoned: the customer's line, then the end line.
INSERT INTO conversation (id, organization_id, contact_id, channel, group_id, state, agent_id, last_seq, created_at,
                          queued_at, assigned_at, first_response_at, last_message_at, last_message_preview, closed_at,
                          closed_by, close_reason, summary, summary_at, rating, rated_at, contact_read_seq,
                          agent_read_seq)
SELECT c.id, :'org'::uuid, gen_random_uuid(), c.channel, c.group_id,
       CASE WHEN c.abandoned THEN 'ABANDONED' ELSE 'CLOSED' END,
       CASE WHEN c.abandoned THEN NULL ELSE c.agent_id END,
       c.talk + 1, c.created_at, c.created_at,
       CASE WHEN c.abandoned THEN NULL ELSE c.created_at + make_interval(secs => c.wait_s) END,
       CASE WHEN c.abandoned THEN NULL ELSE c.created_at + make_interval(secs => c.wait_s + 20) END,
       e.ended_at, 'The conversation has ended', e.ended_at,
       CASE WHEN c.abandoned THEN 'CONTACT' ELSE 'AGENT' END,
       CASE WHEN c.abandoned THEN 'customer-left' ELSE 'resolved' END,
       CASE WHEN NOT c.abandoned AND c.i % 2 = 0 THEN 'Answered the question' END,
       CASE WHEN NOT c.abandoned AND c.i % 2 = 0 THEN e.ended_at + make_interval(secs => c.i % 40) END,
       CASE WHEN NOT c.abandoned AND c.i % 10 IN (1, 4, 7) THEN 1 + c.i % 5 END,
       CASE WHEN NOT c.abandoned AND c.i % 10 IN (1, 4, 7) THEN e.ended_at + make_interval(secs => 10) END,
       c.talk + 1, c.talk + 1
FROM bench_conversation c
CROSS JOIN LATERAL (SELECT CASE WHEN c.abandoned THEN c.created_at + make_interval(secs => 30 + c.i % 60)
                                ELSE c.created_at + make_interval(secs => c.wait_s + 10 * c.talk + 5) END AS ended_at) e;

INSERT INTO conversation_transition (id, conversation_id, organization_id, kind, from_state, to_state, agent_id,
                                     group_id, actor_type, actor_id, note, at)
SELECT gen_random_uuid(), c.id, :'org'::uuid, 'opened', NULL, 'QUEUED', NULL::uuid, c.group_id, 'CONTACT', NULL::uuid,
       NULL, c.created_at
FROM bench_conversation c
UNION ALL
SELECT gen_random_uuid(), c.id, :'org'::uuid, 'assigned', 'QUEUED', 'ASSIGNED', c.agent_id, c.group_id, 'SYSTEM', NULL, NULL,
       c.created_at + make_interval(secs => c.wait_s)
FROM bench_conversation c WHERE NOT c.abandoned
UNION ALL
SELECT gen_random_uuid(), c.id, :'org'::uuid, CASE WHEN c.abandoned THEN 'abandoned' ELSE 'closed' END,
       CASE WHEN c.abandoned THEN 'QUEUED' ELSE 'ASSIGNED' END, CASE WHEN c.abandoned THEN 'ABANDONED' ELSE 'CLOSED' END,
       CASE WHEN c.abandoned THEN NULL ELSE c.agent_id END, c.group_id,
       CASE WHEN c.abandoned THEN 'CONTACT' ELSE 'AGENT' END, NULL,
       CASE WHEN c.abandoned THEN 'customer-left' ELSE 'resolved' END, cv.closed_at
FROM bench_conversation c JOIN conversation cv ON cv.id = c.id;

INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, sender_id, sender_name,
                     body, created_at)
SELECT gen_random_uuid(), c.id, :'org'::uuid, k, 'gen-' || k,
       CASE WHEN k % 2 = 1 THEN 'CONTACT' ELSE 'AGENT' END,
       CASE WHEN k % 2 = 1 THEN NULL ELSE c.agent_id END,
       CASE WHEN k % 2 = 1 THEN NULL ELSE c.agent_name END,
       CASE WHEN k % 2 = 1 THEN '请问我的订单什么时候发货？' ELSE '您好，您的订单今天下午发出。' END,
       CASE WHEN c.abandoned THEN c.created_at + make_interval(secs => 2)
            ELSE c.created_at + make_interval(secs => c.wait_s + 10 * k) END
FROM bench_conversation c
CROSS JOIN LATERAL generate_series(1, c.talk) AS k;

INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, sender_id, sender_name,
                     body, created_at)
SELECT gen_random_uuid(), c.id, :'org'::uuid, c.talk + 1, 'sys-closed-gen', 'SYSTEM', NULL, 'Kefu',
       'The conversation has ended', cv.closed_at
FROM bench_conversation c JOIN conversation cv ON cv.id = c.id;

COMMIT;
ANALYZE conversation;
ANALYZE conversation_transition;
ANALYZE message;
SELECT (SELECT count(*) FROM conversation WHERE organization_id = :'org'::uuid) AS conversations,
       (SELECT count(*) FROM message WHERE organization_id = :'org'::uuid) AS messages;
