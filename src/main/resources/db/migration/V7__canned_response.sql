-- canned module: prepared replies that agents insert by typing /shortcut in the chat box.
-- owner_id is the staff member for a personal response and the organization's own id for an organization-wide
-- one. It is never NULL on purpose: NULLs do not collide in a UNIQUE constraint (on H2 and PostgreSQL alike), so
-- a NULL owner would let two organization-wide responses share a shortcut.
CREATE TABLE canned_response (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    owner_id        UUID NOT NULL,
    shortcut        VARCHAR(32)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    body            VARCHAR(5000) NOT NULL,
    group_id        UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT canned_response_shortcut UNIQUE (organization_id, owner_id, shortcut)
);
CREATE INDEX canned_response_group ON canned_response (group_id);
