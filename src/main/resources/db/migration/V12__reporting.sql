-- reporting module: read models fed by domain events, one row per ended conversation and per ticket. Durations are
-- milliseconds; flags are 0/1 so that SUM counts them on every database. docs/metrics.md defines every column.
CREATE TABLE report_conversation (
    conversation_id      UUID PRIMARY KEY,
    organization_id      UUID NOT NULL,
    started_day          DATE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    center_id            UUID,
    group_id             UUID NOT NULL,
    agent_id             UUID,
    channel              VARCHAR(32) NOT NULL,
    assistant_served     INT NOT NULL,
    assistant_resolved   INT NOT NULL,
    handed_over          INT NOT NULL,
    offered              INT NOT NULL,
    answered             INT NOT NULL,
    abandoned            INT NOT NULL,
    effective            INT NOT NULL,
    transfers            INT NOT NULL,
    wait_ms              BIGINT,
    first_response_ms    BIGINT,
    responses            INT NOT NULL,
    response_ms          BIGINT NOT NULL,
    handle_ms            BIGINT,
    after_chat_work_ms   BIGINT,
    customer_messages    INT NOT NULL,
    agent_messages       INT NOT NULL,
    rating               INT
);
CREATE INDEX report_conversation_day ON report_conversation (organization_id, started_day);

-- Filled by two events that may be handled in either order, each writing only its own columns.
CREATE TABLE report_ticket (
    ticket_id            UUID PRIMARY KEY,
    organization_id      UUID NOT NULL,
    opened_day           DATE,
    opened_epoch_ms      BIGINT,
    center_id            UUID,
    group_id             UUID,
    answered_by          UUID,
    answered_epoch_ms    BIGINT
);
CREATE INDEX report_ticket_day ON report_ticket (organization_id, opened_day);

-- Quality reviews' scores: the latest score of each review counts (a revised appeal replaces it).
CREATE TABLE report_review (
    review_id            UUID PRIMARY KEY,
    organization_id      UUID NOT NULL,
    reviewed_day         DATE NOT NULL,
    conversation_id      UUID NOT NULL,
    center_id            UUID,
    group_id             UUID NOT NULL,
    agent_id             UUID NOT NULL,
    channel              VARCHAR(32) NOT NULL,
    score                DOUBLE PRECISION NOT NULL,
    reviewed_epoch_ms    BIGINT NOT NULL
);
CREATE INDEX report_review_day ON report_review (organization_id, reviewed_day);
