-- security module: API tokens an admin creates for the organization's own systems. Only a SHA-256 of the secret is
-- stored (the secret is 32 random bytes, so a fast hash is enough); last_four lets the admin tell tokens apart.
-- scopes: space-separated, e.g. "conversations:read tickets:write". A revoked token stays listed (revoked_at).
CREATE TABLE api_token (
    id              UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    token_hash      VARCHAR(64)   NOT NULL UNIQUE,
    last_four       VARCHAR(4)    NOT NULL,
    scopes          VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID          NOT NULL,
    created_by_name VARCHAR(200)  NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_organization ON api_token (organization_id, created_at);

-- audit module: who did what to which thing, from where. Kept general (action strings such as api-token.created) so
-- that more of the organization's administration can be recorded here later.
CREATE TABLE audit_entry (
    id              UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id        UUID,
    actor_name      VARCHAR(200)  NOT NULL,
    action          VARCHAR(100)  NOT NULL,
    target          VARCHAR(200),
    detail          VARCHAR(2000),
    source_address  VARCHAR(100)
);
CREATE INDEX audit_entry_organization ON audit_entry (organization_id, occurred_at);
