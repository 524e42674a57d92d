/**
 * Conversations between a contact and the service desk: their state machine with a timestamp for every transition,
 * messages with server-assigned per-conversation sequence numbers and idempotent client ids, internal notes,
 * attachments, read receipts, summaries and satisfaction ratings.
 */
@NullMarked
package dev.kefu.conversation;

import org.jspecify.annotations.NullMarked;
