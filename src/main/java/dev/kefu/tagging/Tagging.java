package dev.kefu.tagging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.kefu.tagging.AppliedTags.Target;

/** What other modules read about tags and disposition codes: reports split by them, search filters by them. */
@Service
public class Tagging {

	private final TagCatalogue catalogue;
	private final AppliedTags applied;
	private final DispositionCodes dispositions;

	Tagging(TagCatalogue catalogue, AppliedTags applied, DispositionCodes dispositions) {
		this.catalogue = catalogue;
		this.applied = applied;
		this.dispositions = dispositions;
	}

	/** The organization's tags, archived ones included, by name. */
	public List<Tag> tags(UUID organizationId) {
		return catalogue.all(organizationId);
	}

	/** The ids of the tags on a conversation. */
	public Set<UUID> tagsOf(UUID organizationId, UUID conversationId) {
		return applied.of(organizationId, Target.CONVERSATION, conversationId);
	}

	/** The ids of the organization's conversations that carry a tag (for search's tag filter). */
	public Set<UUID> conversationsTagged(UUID organizationId, UUID tagId) {
		return applied.conversationsTagged(organizationId, tagId);
	}

	/** The organization's disposition codes, archived ones included, each labelled with its category. */
	public List<Disposition> dispositions(UUID organizationId) {
		return dispositions.all(organizationId);
	}

	/** The code a conversation was closed with, if it was given one. */
	public Optional<UUID> dispositionOf(UUID organizationId, UUID conversationId) {
		return dispositions.of(organizationId, conversationId);
	}
}
