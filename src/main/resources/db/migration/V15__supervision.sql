-- supervision module: who looked in on, whispered in or took over which live chat, and when.
CREATE TABLE supervision_audit (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    supervisor_id   UUID NOT NULL,
    supervisor_name VARCHAR(200) NOT NULL,
    action          VARCHAR(16) NOT NULL,
    detail          VARCHAR(500),
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX supervision_audit_conversation ON supervision_audit (organization_id, conversation_id, at);
CREATE INDEX supervision_audit_at ON supervision_audit (organization_id, at);
