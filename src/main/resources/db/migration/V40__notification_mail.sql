-- notification module: the system's own mail (answers to left messages, chat transcripts, alerts to agents), kept
-- until sent so a crash or an SMTP outage loses none. mail_key says what a mail is about, once per organization: an
-- event delivered again (after a crash) or a request sent twice adds nothing. about_id is the ticket or conversation
-- whose screen shows the mail's state; lease_until is how one node claims an attempt.
CREATE TABLE mail_outbox (
    id              UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    mail_key        VARCHAR(400)  NOT NULL,
    about_id        UUID,
    contact_id      UUID,
    recipient       VARCHAR(320)  NOT NULL,
    language        VARCHAR(10)   NOT NULL,
    subject         VARCHAR(400)  NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    lease_owner     UUID,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_outbox_key UNIQUE (organization_id, mail_key)
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_about ON mail_outbox (organization_id, about_id);
CREATE INDEX mail_outbox_contact ON mail_outbox (organization_id, contact_id, kind, created_at);

-- Per group: whether a message left while nobody is online is mailed to agents, to whom (empty: the group's agents'
-- own addresses; else the admin's list, comma-separated), and in which language.
CREATE TABLE group_mail_alert (
    group_id        UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    recipients      VARCHAR(4000) NOT NULL,
    language        VARCHAR(10)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX group_mail_alert_organization ON group_mail_alert (organization_id);
