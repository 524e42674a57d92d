-- channel module, WeChat Official Account channels (wechat-mp).
-- The access token of each channel, shared by every node: WeChat hands out one at a time and a new one retires the
-- old within minutes, so one node refreshes it while holding the lease (refreshing_until) and the others read it.
CREATE TABLE wechat_access_token (
    channel_id       UUID PRIMARY KEY,
    token            VARCHAR(1000),
    expires_at       TIMESTAMP WITH TIME ZONE,
    refreshing_until TIMESTAMP WITH TIME ZONE
);

-- A follower (openid) of a channel's account: when they last wrote (WeChat allows replies for 48 hours after) and
-- whether they have unfollowed (WeChat then delivers nothing to them).
CREATE TABLE wechat_follower (
    channel_id      UUID         NOT NULL,
    openid          VARCHAR(128) NOT NULL,
    organization_id UUID         NOT NULL,
    last_message_at TIMESTAMP WITH TIME ZONE,
    unsubscribed_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (channel_id, openid)
);

-- A follower's message that came while nobody could take a chat: WeChat cannot be asked to send it again later, so it
-- is held here (the callback's fields as JSON) and taken in when someone can answer it.
CREATE TABLE wechat_held_message (
    channel_id      UUID         NOT NULL,
    message_key     VARCHAR(200) NOT NULL,
    organization_id UUID         NOT NULL,
    fields          TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    tried_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, message_key)
);
