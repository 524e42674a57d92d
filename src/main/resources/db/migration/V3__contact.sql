-- contact module: the customers. A visitor starts anonymous; the pre-chat form or an agent fills in the rest.
CREATE TABLE contact (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    name            VARCHAR(200),
    email           VARCHAR(320),
    phone           VARCHAR(50),
    attributes      VARCHAR(8000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_org_email ON contact (organization_id, email);
CREATE INDEX contact_org_phone ON contact (organization_id, phone);
