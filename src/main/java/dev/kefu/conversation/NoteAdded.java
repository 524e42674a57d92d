package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A staff-only note was added (published after commit, for fan-out to staff). */
public record NoteAdded(UUID organizationId, @Nullable UUID agentId, Note note) {
}
