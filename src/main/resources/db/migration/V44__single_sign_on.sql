-- security module: per organization, the OpenID Connect provider its staff sign in with. The client secret is kept
-- so Kefu can redeem authorization codes, and is never sent back by the API. mappings is a JSON list of
-- {"value": claim value, "role": a Kefu role or null, "groupId": a business group or null}.
CREATE TABLE sso_settings (
    organization_id               UUID PRIMARY KEY,
    enabled                       BOOLEAN       NOT NULL,
    issuer_uri                    VARCHAR(2000) NOT NULL,
    client_id                     VARCHAR(500)  NOT NULL,
    client_secret                 VARCHAR(2000) NOT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    username_claim                VARCHAR(100)  NOT NULL,
    groups_claim                  VARCHAR(100),
    mappings                      TEXT          NOT NULL,
    create_staff                  BOOLEAN       NOT NULL,
    password_login_admins_only    BOOLEAN       NOT NULL,
    updated_at                    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A finished single sign-on hands the browser a one-time code (a minute long), which the page exchanges for a staff
-- token exactly as a password login answers. Only a SHA-256 of the code is kept.
CREATE TABLE sso_login_code (
    code_hash       VARCHAR(64) PRIMARY KEY,
    organization_id UUID        NOT NULL,
    staff_id        UUID        NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A single sign-on between the trip to the provider and the way back: the authorization request (state, nonce, PKCE
-- verifier) as JSON, under a random value in the browser's KEFU_SSO cookie (only its SHA-256 here) and the state, so
-- the way back may reach any node of a cluster and only in the browser that set out. Ten minutes at most.
CREATE TABLE sso_authorization_request (
    browser_hash VARCHAR(64)   NOT NULL,
    state        VARCHAR(200)  NOT NULL,
    request      TEXT          NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (browser_hash, state)
);
CREATE INDEX sso_authorization_request_expiry ON sso_authorization_request (expires_at);
