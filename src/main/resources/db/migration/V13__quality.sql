-- quality module (质检): automatic inspection of every closed chat an agent handled, the QA queue, rubrics, reviews
-- and appeals. Conversations, agents and groups are referenced by id only.

-- One row per organization once an admin saved settings; without one the defaults apply. Phrase lists are kept one
-- phrase a line (a phrase never contains a line break).
CREATE TABLE quality_settings (
    organization_id       UUID PRIMARY KEY,
    sample_percent        INT NOT NULL,
    include_findings      BOOLEAN NOT NULL,
    include_low_ratings   BOOLEAN NOT NULL,
    silence_limit_seconds INT NOT NULL,
    greetings             VARCHAR(8000) NOT NULL,
    closings              VARCHAR(8000) NOT NULL,
    forbidden             VARCHAR(8000) NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT quality_settings_percent CHECK (sample_percent BETWEEN 0 AND 100)
);

-- What a rule found. occurrence is the seq of the message it is about, 0 for the whole conversation: with the
-- unique key, inspecting a conversation again (a redelivered event, a late rating) adds nothing twice.
CREATE TABLE quality_finding (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    agent_id        UUID NOT NULL,
    rule            VARCHAR(32) NOT NULL,
    message_id      UUID,
    seq             BIGINT,
    occurrence      BIGINT NOT NULL,
    detail          VARCHAR(500) NOT NULL,
    found_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT quality_finding_once UNIQUE (conversation_id, rule, occurrence)
);
CREATE INDEX quality_finding_agent ON quality_finding (organization_id, agent_id, found_at);
CREATE INDEX quality_finding_rule ON quality_finding (organization_id, rule, found_at);

-- The QA queue: at most one review task per conversation, OPEN until an inspector completes its review.
CREATE TABLE quality_task (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    agent_id        UUID NOT NULL,
    group_id        UUID NOT NULL,
    state           VARCHAR(16) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT quality_task_state CHECK (state IN ('OPEN', 'REVIEWED')),
    CONSTRAINT quality_task_conversation UNIQUE (conversation_id)
);
CREATE INDEX quality_task_queue ON quality_task (organization_id, state, created_at);

-- Why a conversation is in the queue: RANDOM (the sample), FINDINGS, LOW_RATING; one or more.
CREATE TABLE quality_task_reason (
    task_id UUID NOT NULL REFERENCES quality_task (id),
    reason  VARCHAR(16) NOT NULL,
    PRIMARY KEY (task_id, reason)
);

CREATE TABLE quality_rubric (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    name            VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quality_rubric_org ON quality_rubric (organization_id, name);

CREATE TABLE quality_rubric_item (
    id         UUID PRIMARY KEY,
    rubric_id  UUID NOT NULL REFERENCES quality_rubric (id),
    position   INT NOT NULL,
    name       VARCHAR(100) NOT NULL,
    weight     INT NOT NULL,
    max_points INT NOT NULL,
    CONSTRAINT quality_rubric_item_weight CHECK (weight > 0),
    CONSTRAINT quality_rubric_item_max CHECK (max_points > 0)
);
CREATE INDEX quality_rubric_item_rubric ON quality_rubric_item (rubric_id, position);

-- A completed review. score is the one that counts (the revised one after a revising appeal decision);
-- original_score is what the inspector gave. The appeal and its decision are recorded on the review: one each.
CREATE TABLE quality_review (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL,
    task_id          UUID NOT NULL REFERENCES quality_task (id),
    conversation_id  UUID NOT NULL,
    agent_id         UUID NOT NULL,
    reviewer_id      UUID NOT NULL,
    rubric_id        UUID NOT NULL,
    rubric_name      VARCHAR(100) NOT NULL,
    summary          VARCHAR(2000),
    original_score   NUMERIC(4, 1) NOT NULL,
    score            NUMERIC(4, 1) NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    appeal_reason    VARCHAR(2000),
    appealed_at      TIMESTAMP WITH TIME ZONE,
    decision         VARCHAR(16),
    decision_comment VARCHAR(2000),
    decided_by       UUID,
    decided_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT quality_review_task UNIQUE (task_id),
    CONSTRAINT quality_review_decision CHECK (decision IN ('UPHELD', 'REVISED'))
);
CREATE INDEX quality_review_agent ON quality_review (organization_id, agent_id, completed_at);
CREATE INDEX quality_review_appeals ON quality_review (organization_id, appealed_at, decided_at);

-- The points per rubric item, with the item as it was when scored, so editing a rubric later never changes the
-- meaning of a past review. revised_points is set by a revising appeal decision.
CREATE TABLE quality_review_score (
    review_id      UUID NOT NULL REFERENCES quality_review (id),
    item_id        UUID NOT NULL,
    position       INT NOT NULL,
    name           VARCHAR(100) NOT NULL,
    weight         INT NOT NULL,
    max_points     INT NOT NULL,
    points         INT NOT NULL,
    revised_points INT,
    PRIMARY KEY (review_id, item_id)
);

-- An inspector's remark on one message of the reviewed conversation, by its seq.
CREATE TABLE quality_review_comment (
    id         UUID PRIMARY KEY,
    review_id  UUID NOT NULL REFERENCES quality_review (id),
    seq        BIGINT NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    author_id  UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quality_review_comment_review ON quality_review_comment (review_id, seq);
