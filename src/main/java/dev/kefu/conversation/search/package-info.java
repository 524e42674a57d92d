/**
 * Conversation search for staff: full text over messages and notes with filters, limited to what the caller may see
 * (docs/decisions/0010-conversation-search.md).
 */
@NullMarked
package dev.kefu.conversation.search;

import org.jspecify.annotations.NullMarked;
