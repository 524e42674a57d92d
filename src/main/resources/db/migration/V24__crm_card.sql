-- crm module: each organization's CRM lookup. When a chat opens Kefu POSTs the contact's identity to lookup_url,
-- signed (Standard Webhooks) with secret, and shows the fields and links it answers in the desk's customer panel,
-- kept for cache_seconds. changed_at tells every node that what it cached was looked up under older settings.
CREATE TABLE crm_settings (
    organization_id UUID PRIMARY KEY,
    lookup_url      VARCHAR(2000),
    secret          VARCHAR(200) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    cache_seconds   INTEGER      NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
