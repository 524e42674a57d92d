-- security module: opaque staff access tokens (stored hashed) and the key that signs visitor tokens.
CREATE TABLE access_token (
    token_hash      VARCHAR(64) PRIMARY KEY,
    staff_id        UUID NOT NULL,
    organization_id UUID NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_token_staff ON access_token (staff_id);

CREATE TABLE signing_key (
    name       VARCHAR(32) PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
