-- security module: every staff login is a session that its owner or an admin can list and revoke, and local
-- accounts may add a second factor (TOTP) that an organization can require.

-- Sessions. Rows from before get an id derived from their hash, so nobody is logged out by the upgrade.
ALTER TABLE access_token ADD COLUMN id UUID;
UPDATE access_token SET id = CAST(SUBSTRING(token_hash, 1, 8) || '-' || SUBSTRING(token_hash, 9, 4) || '-'
    || SUBSTRING(token_hash, 13, 4) || '-' || SUBSTRING(token_hash, 17, 4) || '-' || SUBSTRING(token_hash, 21, 12) AS UUID);
ALTER TABLE access_token ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX access_token_id ON access_token (id);
-- Coarse: written at most once a minute per session.
ALTER TABLE access_token ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE access_token ADD COLUMN client_address VARCHAR(100);
ALTER TABLE access_token ADD COLUMN user_agent VARCHAR(300);
ALTER TABLE access_token ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;

-- One TOTP secret per staff member, encrypted (AES-GCM). confirmed_at is empty while the enrolment waits for its
-- first code; last_step is the last 30-second step accepted, so no code counts twice.
CREATE TABLE staff_totp (
    staff_id        UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    secret          VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_step       BIGINT
);

-- One-time recovery codes, stored as SHA-256 hashes.
CREATE TABLE staff_recovery_code (
    staff_id  UUID NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (staff_id, code_hash)
);

-- Between a right password and the second step (a code, or a first enrolment): short-lived, stored hashed, shared by
-- every node so that the steps may land on different ones.
CREATE TABLE sign_in_challenge (
    token_hash      VARCHAR(64) PRIMARY KEY,
    staff_id        UUID NOT NULL,
    organization_id UUID NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    account         VARCHAR(100) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_challenge_expiry ON sign_in_challenge (expires_at);

-- Per organization: whether staff must use a second factor.
CREATE TABLE sign_in_policy (
    organization_id    UUID PRIMARY KEY,
    require_two_factor BOOLEAN NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
