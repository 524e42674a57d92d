-- tagging module: the organization's tag catalogue (name, colour) and the tags on conversations and contacts; the
-- disposition codes (服务小结 categories, two levels at most) and the groups that require one when an agent closes a
-- chat. Archived tags and codes are offered no more but keep their names for the chats and reports that carry them.
CREATE TABLE tag (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(40)  NOT NULL,
    colour          VARCHAR(7)   NOT NULL,
    archived        BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tag_organization ON tag (organization_id);

CREATE TABLE conversation_tag (
    conversation_id UUID NOT NULL,
    tag_id          UUID NOT NULL,
    organization_id UUID NOT NULL,
    tagged_by       UUID NOT NULL,
    tagged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, tag_id)
);
CREATE INDEX conversation_tag_by_tag ON conversation_tag (organization_id, tag_id);

CREATE TABLE contact_tag (
    contact_id      UUID NOT NULL,
    tag_id          UUID NOT NULL,
    organization_id UUID NOT NULL,
    tagged_by       UUID NOT NULL,
    tagged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contact_id, tag_id)
);

CREATE TABLE disposition (
    id              UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    parent_id       UUID,
    name            VARCHAR(60) NOT NULL,
    archived        BOOLEAN     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX disposition_organization ON disposition (organization_id);

CREATE TABLE conversation_disposition (
    conversation_id UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    disposition_id  UUID NOT NULL,
    set_by          UUID,
    set_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE disposition_required_group (
    group_id        UUID PRIMARY KEY,
    organization_id UUID NOT NULL
);

-- reporting module: the disposition on each conversation's fact, and one row per tag of it, so that reports split
-- and filter by both with the same range scan as the other figures.
ALTER TABLE report_conversation ADD COLUMN disposition_id UUID;

CREATE TABLE report_conversation_tag (
    conversation_id UUID NOT NULL,
    tag_id          UUID NOT NULL,
    organization_id UUID NOT NULL,
    PRIMARY KEY (conversation_id, tag_id)
);
CREATE INDEX report_conversation_tag_by_tag ON report_conversation_tag (organization_id, tag_id);
