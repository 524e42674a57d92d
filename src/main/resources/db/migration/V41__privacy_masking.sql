-- privacy module: how each organization masks card and resident ID numbers (AT_REST, the default when no row exists:
-- the clear number is never stored; ON_DISPLAY: stored masked too, the clear text kept encrypted in privacy_secret),
-- the organization's own patterns, and the sealed clear texts. A secret is keyed by what it belongs to
-- (subject_type 'message', subject_id the message id; scope_id the conversation), so a reveal finds it by id and
-- organization only.
CREATE TABLE privacy_settings (
    organization_id UUID        PRIMARY KEY,
    mode            VARCHAR(20) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE privacy_pattern (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(100) NOT NULL,
    regex           VARCHAR(500) NOT NULL,
    replacement     VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX privacy_pattern_organization ON privacy_pattern (organization_id, created_at);

CREATE TABLE privacy_secret (
    organization_id UUID        NOT NULL,
    subject_type    VARCHAR(20) NOT NULL,
    subject_id      UUID        NOT NULL,
    scope_id        UUID,
    sealed          VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, subject_type, subject_id)
);

-- conversation module: whether the privacy module masked something in the message before it was stored, so the
-- customer can be told and the desk can offer a reveal.
ALTER TABLE message ADD COLUMN masked BOOLEAN DEFAULT FALSE NOT NULL;
