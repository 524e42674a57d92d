package dev.kefu.canned;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A prepared reply. {@code shortcut} is what an agent types after '/'; {@code groupId}, only for organization-wide
 * responses, limits it to the members of one group; {@code folder} files it under a name (null: unfiled). The text
 * may hold variables such as {@code {contact.name}}, filled in by the desk when the reply is inserted.
 */
public record CannedResponse(UUID id, UUID organizationId, Scope scope, @Nullable UUID ownerId, String shortcut,
		String title, String text, @Nullable UUID groupId, @Nullable String folder, Instant updatedAt) {

	/** Who a response belongs to, and so who may change it. */
	public enum Scope {
		/** Shared by everyone in the organization; kept by admins and supervisors. */
		ORGANIZATION,
		/** One staff member's own; only they see and change it. */
		PERSONAL
	}
}
