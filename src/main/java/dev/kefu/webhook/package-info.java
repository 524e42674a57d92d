/**
 * Outbound webhooks: admins register endpoints, and conversation, message, ticket and contact events reach them as
 * signed HTTP POSTs (Standard Webhooks), through a database outbox with retries, per-conversation order and a log. Channels (see {@link dev.kefu.webhook.ChannelCallbacks}) send their callbacks
 * through the same outbox.
 */
@NullMarked
package dev.kefu.webhook;

import org.jspecify.annotations.NullMarked;
