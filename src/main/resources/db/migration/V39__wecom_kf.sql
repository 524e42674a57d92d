-- channel module, WeCom customer service (微信客服, provider wecom-kf). Per channel: where kf/sync_msg stopped (the
-- cursor, stored after each page is stored, so no message is read twice or skipped across restarts), the newest
-- callback's token, whether a callback came since the last sync began (wanted), and which node syncs now (a lease,
-- so one node at a time reads a channel's messages).
CREATE TABLE wecom_kf_sync (
    channel_id     UUID         PRIMARY KEY,
    next_cursor    VARCHAR(500),
    callback_token VARCHAR(500),
    wanted         BOOLEAN      NOT NULL,
    lease_owner    VARCHAR(64),
    lease_until    TIMESTAMP WITH TIME ZONE
);

-- The channel's access token (corpid + the kf secret), shared by all nodes; one node at a time fetches a new one
-- (refreshing_until is that node's lease). credentials is a digest of corpid + secret: a changed secret makes the
-- stored token stale.
CREATE TABLE wecom_kf_token (
    channel_id       UUID          PRIMARY KEY,
    credentials      VARCHAR(64)   NOT NULL,
    access_token     VARCHAR(1000),
    expires_at       TIMESTAMP WITH TIME ZONE,
    refreshing_until TIMESTAMP WITH TIME ZONE
);

-- A customer who just opened the chat window (enter_session) may be greeted once, within 20 seconds, with the
-- event's welcome_code (kf/send_msg_on_event): the chat's first message to them uses it while it is fresh.
CREATE TABLE wecom_kf_welcome (
    channel_id      UUID         NOT NULL,
    external_userid VARCHAR(200) NOT NULL,
    welcome_code    VARCHAR(500) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, external_userid)
);
