-- audit module (#15): entries say what a change did (before/after: compact JSON of the changed fields only, never a
-- secret), and each organization keeps its log for a period of its own choosing; older entries are pruned nightly.
ALTER TABLE audit_entry ADD COLUMN before_value TEXT;
ALTER TABLE audit_entry ADD COLUMN after_value TEXT;
CREATE INDEX audit_entry_action ON audit_entry (organization_id, action, occurred_at);

CREATE TABLE audit_settings (
    organization_id UUID PRIMARY KEY,
    retention_days  INTEGER NOT NULL
);
