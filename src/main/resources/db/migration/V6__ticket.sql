-- ticket module: messages customers leave when no chat can be had (留言), with their thread of agent answers and
-- customer follow-ups. OPEN waits for an answer, ANSWERED waits for the customer, CLOSED is done; the customer
-- writing again reopens it.
CREATE TABLE ticket (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL,
    group_id          UUID NOT NULL,
    contact_id        UUID NOT NULL,
    client_msg_id     VARCHAR(64) NOT NULL,
    state             VARCHAR(16) NOT NULL,
    reason            VARCHAR(32) NOT NULL,
    assignee_id       UUID,
    contact_name      VARCHAR(200),
    contact_email     VARCHAR(320),
    contact_phone     VARCHAR(50),
    subject           VARCHAR(200) NOT NULL,
    last_seq          BIGINT NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    waiting_since     TIMESTAMP WITH TIME ZONE,
    assigned_at       TIMESTAMP WITH TIME ZONE,
    first_answered_at TIMESTAMP WITH TIME ZONE,
    answered_at       TIMESTAMP WITH TIME ZONE,
    closed_at         TIMESTAMP WITH TIME ZONE,
    closed_by         UUID,
    close_note        VARCHAR(2000),
    CONSTRAINT ticket_state CHECK (state IN ('OPEN', 'ANSWERED', 'CLOSED')),
    -- Leaving a message is only useful if the customer can be reached without the widget.
    CONSTRAINT ticket_reachable CHECK (contact_email IS NOT NULL OR contact_phone IS NOT NULL),
    -- A resend of the same message from a flaky network finds the stored ticket instead of making a second one.
    CONSTRAINT ticket_client_id UNIQUE (organization_id, contact_id, client_msg_id)
);
CREATE INDEX ticket_inbox ON ticket (organization_id, state, waiting_since);
CREATE INDEX ticket_assignee ON ticket (organization_id, assignee_id, state);
CREATE INDEX ticket_group ON ticket (group_id, state, assignee_id);
CREATE INDEX ticket_contact ON ticket (organization_id, contact_id, created_at);

CREATE TABLE ticket_entry (
    id              UUID PRIMARY KEY,
    ticket_id       UUID NOT NULL REFERENCES ticket (id),
    organization_id UUID NOT NULL,
    seq             BIGINT NOT NULL,
    client_msg_id   VARCHAR(64) NOT NULL,
    author_type     VARCHAR(16) NOT NULL,
    author_id       UUID,
    author_name     VARCHAR(200),
    body            VARCHAR(5000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_entry_author CHECK (author_type IN ('CONTACT', 'AGENT')),
    CONSTRAINT ticket_entry_seq UNIQUE (ticket_id, seq),
    CONSTRAINT ticket_entry_client_id UNIQUE (ticket_id, client_msg_id)
);
