package dev.kefu.tagging;

import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.conversation.ConversationTags;
import dev.kefu.shared.RequestRejected;

/**
 * Conversation search's tag filter. A tag is named by its id or, for people typing a query by hand, by its name in
 * any case; archived tags still find the chats that carry them.
 */
@Component
class SearchableTags implements ConversationTags {

	private final TagCatalogue catalogue;
	private final AppliedTags applied;

	SearchableTags(TagCatalogue catalogue, AppliedTags applied) {
		this.catalogue = catalogue;
		this.applied = applied;
	}

	@Override
	public Collection<UUID> tagged(UUID organizationId, String tag) {
		Tag found = catalogue.all(organizationId)
			.stream()
			.filter(t -> t.id().toString().equalsIgnoreCase(tag) || t.name().equalsIgnoreCase(tag.strip()))
			.findFirst()
			.orElseThrow(() -> new RequestRejected("unknown-tag", "no tag of this organization is called " + tag));
		return applied.conversationsTagged(organizationId, found.id());
	}
}
