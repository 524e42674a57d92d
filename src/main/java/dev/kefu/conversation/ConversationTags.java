package dev.kefu.conversation;

import java.util.Collection;
import java.util.UUID;

/**
 * Tags on conversations, kept by whichever module owns them. Conversation search asks it which conversations carry a
 * tag, so it never reads that module's tables and conversation does not depend on it. Without such a bean, a search
 * by tag is refused with {@code 400 tags-unavailable}.
 */
public interface ConversationTags {

	/**
	 * The organization's conversations tagged {@code tag}; empty when there are none. An unknown tag may be refused with
	 * a {@link dev.kefu.shared.RequestRejected}.
	 */
	Collection<UUID> tagged(UUID organizationId, String tag);
}
