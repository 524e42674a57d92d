-- contact module: verified identity. The host site vouches for its signed-in customer (an HMAC of the user id, or a
-- JWT); such a contact carries the site's user id, unique per organization, so it is found again on any device.
ALTER TABLE contact ADD COLUMN external_id VARCHAR(200);
ALTER TABLE contact ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX contact_org_external_id ON contact (organization_id, external_id);

-- Per organization: the identity secret (shown to admins, rotatable), an optional JWKS URL for RS256/ES256 JWTs, and
-- whether visitors the host site does not vouch for may still chat.
CREATE TABLE contact_identity_settings (
    organization_id  UUID PRIMARY KEY,
    secret           VARCHAR(100) NOT NULL,
    jwks_url         VARCHAR(2000),
    allow_anonymous  BOOLEAN NOT NULL,
    rotated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
