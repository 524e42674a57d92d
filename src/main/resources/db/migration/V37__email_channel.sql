-- channel module, e-mail channel: the mailbox of each e-mail channel. uid_validity and last_uid say where reading
-- stopped (committed after each mail is stored), so a restart neither reads a mail twice nor skips one; when the
-- server's UIDVALIDITY changes, the UIDs mean other mails and reading starts over (Message-IDs keep it idempotent).
-- lease_owner/lease_until: one node reads a mailbox at a time; a node that dies leaves a lease that runs out.
CREATE TABLE email_mailbox (
    channel_id      UUID         PRIMARY KEY,
    organization_id UUID         NOT NULL,
    folder          VARCHAR(200) NOT NULL,
    uid_validity    BIGINT,
    last_uid        BIGINT       NOT NULL,
    lease_owner     UUID,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    read_at         TIMESTAMP WITH TIME ZONE
);

-- An e-mail conversation's thread: the customer's address replies go to, the subject they go under ("Re: ..."), and
-- the token of its Reply-To address (support+token@...).
CREATE TABLE email_conversation (
    channel_id      UUID          NOT NULL,
    conversation_id UUID          NOT NULL,
    organization_id UUID          NOT NULL,
    customer        VARCHAR(320)  NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    token           VARCHAR(20)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, conversation_id)
);
CREATE UNIQUE INDEX email_conversation_token ON email_conversation (channel_id, token);

-- Every mail of a thread, received or sent, by its Message-ID: a reply's In-Reply-To/References find the
-- conversation, and Kefu's replies carry the thread's ids in their References.
CREATE TABLE email_mail (
    channel_id      UUID         NOT NULL,
    message_id      VARCHAR(500) NOT NULL,
    organization_id UUID         NOT NULL,
    conversation_id UUID         NOT NULL,
    sent            BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, message_id)
);
CREATE INDEX email_mail_conversation ON email_mail (channel_id, conversation_id, created_at);
