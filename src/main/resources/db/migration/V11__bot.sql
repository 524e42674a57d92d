-- bot module: the virtual assistant of each business group, and every reply it gave (for its rating, the
-- knowledge gaps and the bot KPIs).
CREATE TABLE bot_profile (
    group_id        UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    enabled         BOOLEAN NOT NULL,
    name            VARCHAR(100) NOT NULL,
    greeting        VARCHAR(1000) NOT NULL,
    threshold       DOUBLE PRECISION NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- kind: ANSWER (answered from article_id), CHOICES ("did you mean"), MISS (nothing close), HANDOVER (gave the chat
-- to a person; reason says why), LEAVE_MESSAGE (nobody could take it; offered leave-a-message).
CREATE TABLE bot_reply (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    group_id        UUID NOT NULL,
    seq             BIGINT,
    question        VARCHAR(5000) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    reason          VARCHAR(32),
    article_id      UUID,
    confidence      DOUBLE PRECISION,
    helpful         BOOLEAN,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bot_reply_conversation ON bot_reply (conversation_id, created_at);
CREATE INDEX bot_reply_org_kind ON bot_reply (organization_id, kind, created_at);
