-- channel module: the channel instances of each organization (the web widget, API channels, later e-mail and WeChat).
-- provider names the ChannelProvider bean; configuration is the provider's JSON, checked against its schema. A
-- provider with one implicit instance per organization (web) sets singleton, so two first uses at once make one row.
CREATE TABLE channel (
    id              UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    provider        VARCHAR(32)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    configuration   VARCHAR(8000) NOT NULL,
    secret          VARCHAR(200),
    enabled         BOOLEAN       NOT NULL,
    singleton       VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX channel_organization ON channel (organization_id);
CREATE UNIQUE INDEX channel_singleton ON channel (organization_id, singleton);

-- A customer of an API channel, by the bridge's own id for it, and the contact that is them in Kefu.
CREATE TABLE channel_customer (
    channel_id      UUID         NOT NULL,
    external_id     VARCHAR(200) NOT NULL,
    organization_id UUID         NOT NULL,
    contact_id      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, external_id)
);

-- Every message a bridge posted, by its own id: a resend (even into a later conversation) is stored once.
CREATE TABLE channel_message (
    channel_id      UUID         NOT NULL,
    external_id     VARCHAR(200) NOT NULL,
    organization_id UUID         NOT NULL,
    conversation_id UUID         NOT NULL,
    message_id      UUID         NOT NULL,
    seq             BIGINT       NOT NULL,
    contact_id      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, external_id)
);

-- conversation module: which channel instance a conversation came through (channel keeps the provider id for
-- reports); null for conversations older than channels, which were all web chats.
ALTER TABLE conversation ADD COLUMN channel_id UUID;

-- webhook module: an endpoint a channel owns (its callback URL), not an admin's; fed by its owner, not by events.
ALTER TABLE webhook_endpoint ADD COLUMN owner VARCHAR(100);
CREATE UNIQUE INDEX webhook_endpoint_owner ON webhook_endpoint (owner);
