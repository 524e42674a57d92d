-- conversation module: conversations with their state history, messages, internal notes and attachments.
CREATE TABLE conversation (
    id                    UUID PRIMARY KEY,
    organization_id       UUID NOT NULL,
    contact_id            UUID NOT NULL,
    channel               VARCHAR(32) NOT NULL,
    group_id              UUID NOT NULL,
    state                 VARCHAR(16) NOT NULL,
    agent_id              UUID,
    last_seq              BIGINT NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_at             TIMESTAMP WITH TIME ZONE,
    assigned_at           TIMESTAMP WITH TIME ZONE,
    first_response_at     TIMESTAMP WITH TIME ZONE,
    awaiting_reply_since  TIMESTAMP WITH TIME ZONE,
    last_message_at       TIMESTAMP WITH TIME ZONE,
    last_message_preview  VARCHAR(200),
    closed_at             TIMESTAMP WITH TIME ZONE,
    closed_by             VARCHAR(16),
    close_reason          VARCHAR(32),
    summary               VARCHAR(4000),
    summary_at            TIMESTAMP WITH TIME ZONE,
    rating                INT,
    rating_comment        VARCHAR(2000),
    rated_at              TIMESTAMP WITH TIME ZONE,
    contact_read_seq      BIGINT NOT NULL,
    agent_read_seq        BIGINT NOT NULL
);
CREATE INDEX conversation_contact ON conversation (organization_id, contact_id, created_at);
CREATE INDEX conversation_agent ON conversation (organization_id, agent_id, state);
CREATE INDEX conversation_state ON conversation (organization_id, state, created_at);

-- Every state change with its instant: the raw material for wait, response, handle and after-chat work times.
CREATE TABLE conversation_transition (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversation (id),
    organization_id UUID NOT NULL,
    kind            VARCHAR(24) NOT NULL,
    from_state      VARCHAR(16),
    to_state        VARCHAR(16) NOT NULL,
    agent_id        UUID,
    group_id        UUID,
    actor_type      VARCHAR(16) NOT NULL,
    actor_id        UUID,
    note            VARCHAR(2000),
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_transition_conv ON conversation_transition (conversation_id, at);

CREATE TABLE message (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversation (id),
    organization_id UUID NOT NULL,
    seq             BIGINT NOT NULL,
    client_msg_id   VARCHAR(64) NOT NULL,
    sender_type     VARCHAR(16) NOT NULL,
    sender_id       UUID,
    sender_name     VARCHAR(200),
    body            VARCHAR(10000) NOT NULL,
    attachments     VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT message_client_id UNIQUE (conversation_id, client_msg_id)
);
CREATE INDEX message_org_created ON message (organization_id, created_at);

CREATE TABLE conversation_note (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversation (id),
    organization_id UUID NOT NULL,
    author_id       UUID NOT NULL,
    author_name     VARCHAR(200) NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_note_conv ON conversation_note (conversation_id, created_at);

CREATE TABLE attachment (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    conversation_id UUID NOT NULL REFERENCES conversation (id),
    uploader_type   VARCHAR(16) NOT NULL,
    uploader_id     UUID NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          VARCHAR(64) NOT NULL,
    storage_key     VARCHAR(300) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachment_conv ON attachment (conversation_id);
