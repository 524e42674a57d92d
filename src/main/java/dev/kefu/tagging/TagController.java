package dev.kefu.tagging;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.contact.Contacts;
import dev.kefu.conversation.Conversations;
import dev.kefu.shared.StaffCaller;
import dev.kefu.tagging.AppliedTags.Target;

/**
 * Staff put the catalogue's tags on conversations and contacts they can see (any of their organization's), and read
 * the disposition codes for the close dialog. Another organization's conversation or contact is not found.
 */
@RestController
class TagController {

	private final TagCatalogue catalogue;
	private final AppliedTags applied;
	private final DispositionCodes dispositions;
	private final Conversations conversations;
	private final Contacts contacts;

	TagController(TagCatalogue catalogue, AppliedTags applied, DispositionCodes dispositions,
			Conversations conversations, Contacts contacts) {
		this.catalogue = catalogue;
		this.applied = applied;
		this.dispositions = dispositions;
		this.conversations = conversations;
		this.contacts = contacts;
	}

	/** The codes to choose from at close, and the groups that require one. */
	record DispositionChoice(List<Disposition> codes, Set<UUID> requiredGroupIds) {
	}

	/** The tags agents may apply (archived ones are not offered). */
	@GetMapping("/api/v1/tags")
	List<Tag> tags(@AuthenticationPrincipal StaffCaller caller) {
		return catalogue.active(caller.organizationId());
	}

	@GetMapping("/api/v1/dispositions")
	DispositionChoice dispositions(@AuthenticationPrincipal StaffCaller caller) {
		return new DispositionChoice(dispositions.active(caller.organizationId()),
				dispositions.requiredGroups(caller.organizationId()));
	}

	@GetMapping("/api/v1/conversations/{id}/tags")
	List<Tag> conversationTags(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		conversations.require(caller.organizationId(), id);
		return applied.tags(caller.organizationId(), Target.CONVERSATION, id);
	}

	/** Puts a tag on; putting it on again changes nothing. Answers all the conversation's tags. */
	@PutMapping("/api/v1/conversations/{id}/tags/{tagId}")
	List<Tag> tagConversation(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@PathVariable UUID tagId) {
		conversations.require(caller.organizationId(), id);
		return applied.add(caller.organizationId(), Target.CONVERSATION, id, tagId, caller.userId());
	}

	@DeleteMapping("/api/v1/conversations/{id}/tags/{tagId}")
	List<Tag> untagConversation(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@PathVariable UUID tagId) {
		conversations.require(caller.organizationId(), id);
		return applied.remove(caller.organizationId(), Target.CONVERSATION, id, tagId);
	}

	@GetMapping("/api/v1/contacts/{id}/tags")
	List<Tag> contactTags(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		contacts.require(caller.organizationId(), id);
		return applied.tags(caller.organizationId(), Target.CONTACT, id);
	}

	@PutMapping("/api/v1/contacts/{id}/tags/{tagId}")
	List<Tag> tagContact(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, @PathVariable UUID tagId) {
		contacts.require(caller.organizationId(), id);
		return applied.add(caller.organizationId(), Target.CONTACT, id, tagId, caller.userId());
	}

	@DeleteMapping("/api/v1/contacts/{id}/tags/{tagId}")
	List<Tag> untagContact(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@PathVariable UUID tagId) {
		contacts.require(caller.organizationId(), id);
		return applied.remove(caller.organizationId(), Target.CONTACT, id, tagId);
	}
}
