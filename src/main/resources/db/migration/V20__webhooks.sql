-- webhook module: endpoints an admin registers, and the outbox of deliveries to them. One delivery row per event and
-- endpoint; its id is the webhook-id the receiver sees, the same on every retry. event_key makes a republished event
-- (after a crash) add nothing. ordering_key (conversation, ticket or contact) with event_at/event_seq orders the
-- deliveries a receiver gets about one thing; lease_until is how one node claims an attempt.
CREATE TABLE webhook_endpoint (
    id                   UUID PRIMARY KEY,
    organization_id      UUID          NOT NULL,
    url                  VARCHAR(2000) NOT NULL,
    events               VARCHAR(1000) NOT NULL,
    secret               VARCHAR(200)  NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    disabled_reason      VARCHAR(1000),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    failing_since        TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_endpoint_organization ON webhook_endpoint (organization_id);

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    endpoint_id     UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    organization_id UUID         NOT NULL,
    event_type      VARCHAR(50)  NOT NULL,
    event_key       VARCHAR(200) NOT NULL,
    ordering_key    UUID         NOT NULL,
    event_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    event_seq       BIGINT       NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    response_status INTEGER,
    latency_ms      INTEGER,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_event UNIQUE (endpoint_id, event_key)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (endpoint_id, ordering_key, status);
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, created_at);
