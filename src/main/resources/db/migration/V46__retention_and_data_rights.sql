-- contact module: data-subject rights (#15). A legal hold (who set it, when, why) keeps a contact's data from the
-- retention job and from erasure; erased_at marks a contact whose profile and history were erased.
ALTER TABLE contact ADD COLUMN legal_hold_reason VARCHAR(500);
ALTER TABLE contact ADD COLUMN legal_hold_by UUID;
ALTER TABLE contact ADD COLUMN legal_hold_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE contact ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- retention module: how long an organization keeps conversations, left messages and visitors' profiles (NULL days =
-- forever), and whether what is older is deleted or anonymized. last_run_* is what the nightly job did last.
CREATE TABLE retention_settings (
    organization_id    UUID PRIMARY KEY,
    conversation_days  INT,
    ticket_days        INT,
    visitor_days       INT,
    mode               VARCHAR(16) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at        TIMESTAMP WITH TIME ZONE,
    last_run_counts    VARCHAR(1000),
    CONSTRAINT retention_mode CHECK (mode IN ('DELETE', 'ANONYMIZE'))
);

-- One row the nodes take in turn: the node holding the lease runs the nightly job, the others skip that night.
CREATE TABLE retention_lease (
    id           INT PRIMARY KEY,
    lease_owner  VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE
);
INSERT INTO retention_lease (id) VALUES (1);

-- conversation and ticket modules: when a conversation or a left message was anonymized (its text erased, its times
-- and states kept), by the retention job or a contact's erasure; such rows are not counted again.
ALTER TABLE conversation ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
-- An anonymized left message keeps no way to reach the customer: the "reachable" rules hold until then.
ALTER TABLE ticket DROP CONSTRAINT ticket_reachable;
ALTER TABLE ticket ADD CONSTRAINT ticket_reachable
    CHECK (erased_at IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL);
ALTER TABLE ticket DROP CONSTRAINT ticket_callback_phone;
ALTER TABLE ticket ADD CONSTRAINT ticket_callback_phone
    CHECK (erased_at IS NOT NULL OR kind <> 'CALLBACK' OR contact_phone IS NOT NULL);
