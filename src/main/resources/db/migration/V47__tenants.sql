-- organization module: a tenant's status and limits (issue #15, tenants). SUSPENDED: its staff cannot sign in, its
-- tokens and widget stop working, nothing is deleted. A limit that is NULL is unlimited: every existing organization
-- keeps working as before.
ALTER TABLE organization ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE organization ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE organization ADD COLUMN suspended_reason VARCHAR(500);
ALTER TABLE organization ADD COLUMN max_seats INTEGER;
ALTER TABLE organization ADD COLUMN max_storage_bytes BIGINT;
ALTER TABLE organization ADD COLUMN max_api_requests_per_minute INTEGER;

-- platform module: the people who run the installation itself, above every organization. A staff member's id, not
-- a role: an organization's admin cannot make anyone an operator. organization_id is the operator's own (for the
-- list, and so that deleting an organization leaves no operator behind).
CREATE TABLE platform_operator (
    user_id         UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organization (id),
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by      UUID
);
