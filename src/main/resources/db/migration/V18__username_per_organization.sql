-- Usernames are unique within an organization, not across all of them (issue 11): a refusal for a name another
-- organization uses told one tenant's admin about another tenant's staff. The old UNIQUE constraint has no name
-- common to H2 and PostgreSQL, so the column is rebuilt, which drops it on both.
ALTER TABLE staff_member ADD COLUMN login_name VARCHAR(100);
UPDATE staff_member SET login_name = username;
ALTER TABLE staff_member DROP COLUMN username;
ALTER TABLE staff_member RENAME COLUMN login_name TO username;
ALTER TABLE staff_member ALTER COLUMN username SET NOT NULL;
ALTER TABLE staff_member ADD CONSTRAINT staff_member_organization_username UNIQUE (organization_id, username);
-- A login names the user, and the organization only when the name is ambiguous.
CREATE INDEX staff_member_username ON staff_member (username);
