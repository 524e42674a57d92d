-- routing module: agents' status and load, group queues and assignments. Capacity is guarded here by
-- conditional updates, so it holds across nodes without in-memory locks.
CREATE TABLE agent_presence (
    staff_id         UUID PRIMARY KEY,
    organization_id  UUID NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    wanted_status    VARCHAR(16) NOT NULL,
    capacity         INT NOT NULL,
    active           INT NOT NULL,
    last_assigned_at TIMESTAMP WITH TIME ZONE,
    status_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_presence_capacity CHECK (active >= 0)
);
CREATE INDEX agent_presence_org ON agent_presence (organization_id, status);

CREATE TABLE routing_membership (
    group_id        UUID NOT NULL,
    staff_id        UUID NOT NULL,
    organization_id UUID NOT NULL,
    PRIMARY KEY (group_id, staff_id)
);
CREATE INDEX routing_membership_staff ON routing_membership (staff_id);

CREATE TABLE queue_entry (
    conversation_id UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    group_id        UUID NOT NULL,
    contact_id      UUID NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX queue_entry_group ON queue_entry (group_id, queued_at);

CREATE TABLE assignment (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL,
    organization_id UUID NOT NULL,
    agent_id        UUID NOT NULL,
    group_id        UUID NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assignment_conversation ON assignment (conversation_id, released_at);
CREATE INDEX assignment_agent ON assignment (agent_id, released_at);
CREATE INDEX assignment_group ON assignment (group_id, released_at);
