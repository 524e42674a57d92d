-- One row that nodes lock while they provision (the demo, the first organization from configuration), so that
-- nodes starting together on an empty database take turns instead of racing on organization_slug_key.
CREATE TABLE provisioning_lock (
    id INT PRIMARY KEY
);
INSERT INTO provisioning_lock (id) VALUES (1);

-- An organization's own limits on new visitor identities and new chats per source address; no row means the
-- installation's defaults (kefu.intake.*).
CREATE TABLE intake_limits (
    organization_id          UUID PRIMARY KEY REFERENCES organization (id),
    visitors_per_minute      INT NOT NULL,
    visitors_burst           INT NOT NULL,
    conversations_per_minute INT NOT NULL,
    conversations_burst      INT NOT NULL
);
