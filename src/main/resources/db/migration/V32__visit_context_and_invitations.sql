-- conversation module: what the widget saw of the customer's visit while they chat (issue #14): the page they are on,
-- where the visit came from, their device, browser and language, and the last pages they viewed (JSON, at most 20).
-- One row per conversation, replaced as the customer moves on; it goes with the conversation.
CREATE TABLE conversation_visit (
    conversation_id UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    page_url        VARCHAR(2048) NOT NULL,
    page_title      VARCHAR(200)  NOT NULL,
    referrer        VARCHAR(2048),
    device          VARCHAR(16)   NOT NULL,
    browser         VARCHAR(16)   NOT NULL,
    language        VARCHAR(35),
    pages           VARCHAR(200000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- organization module: proactive invitations. The widget loader opens with greeting when a visitor matches the rule
-- (each condition that is set must hold). While group_id's queue is longer than max_queue the rule is not handed out.
CREATE TABLE invitation_rule (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(100) NOT NULL,
    greeting        VARCHAR(500) NOT NULL,
    url_pattern     VARCHAR(300),
    seconds_on_page INTEGER,
    min_pages       INTEGER,
    returning_only  BOOLEAN      NOT NULL,
    group_id        UUID,
    max_queue       INTEGER,
    enabled         BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX invitation_rule_org ON invitation_rule (organization_id, created_at);
