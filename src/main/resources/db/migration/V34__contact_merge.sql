-- contact module: merging two contacts (issue 14). The merged contact stays as a tombstone naming the survivor, so
-- old visitor tokens and links for it reach the survivor; its own fields are kept as they were, so nothing is lost.
ALTER TABLE contact ADD COLUMN merged_into UUID;
ALTER TABLE contact ADD COLUMN merged_at TIMESTAMP WITH TIME ZONE;
-- The contacts list: the organization's contacts, newest activity first.
CREATE INDEX contact_org_last_seen ON contact (organization_id, last_seen_at);
CREATE INDEX contact_merged_into ON contact (merged_into);
