-- channel module: the send queue of channels that deliver themselves (e-mail, WeChat, WeCom; issue 13). One row per
-- thing to send; a worker on any node claims due rows with a lease (a conditional UPDATE), so one node sends a row
-- at a time and a node that dies mid-send leaves a lease that runs out. Rows of one conversation go out in order.
CREATE TABLE channel_send (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL,
    channel_id      UUID         NOT NULL,
    conversation_id UUID         NOT NULL,
    -- The message sent, or NULL for a change of the conversation's state.
    message_id      UUID,
    -- What the durable event was, so the same event replayed after a crash enqueues nothing new.
    dedup_key       VARCHAR(200) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    -- The order things happened in (durable listeners may enqueue them out of order): the event's time, then the
    -- message's sequence number.
    event_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    event_seq       BIGINT       NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    lease_owner     UUID,
    last_error      VARCHAR(1000),
    -- The channel's own id for what was sent (an e-mail's Message-ID, WeChat's msgid).
    external_id     VARCHAR(998),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT channel_send_once UNIQUE (channel_id, dedup_key)
);
CREATE INDEX channel_send_due ON channel_send (status, next_attempt_at);
CREATE INDEX channel_send_conversation ON channel_send (conversation_id, event_at, event_seq);
CREATE INDEX channel_send_message ON channel_send (message_id);
CREATE INDEX channel_send_external ON channel_send (channel_id, external_id);
