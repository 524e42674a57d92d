package dev.kefu.conversation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.contact.Contacts;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.VisitorCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a visitor can do with their own conversations besides chatting (starting one is the routing intake). */
@RestController
class VisitorConversationController {

	private final Conversations conversations;
	private final ConversationAccess access;
	private final Transcripts transcripts;
	private final Contacts contacts;
	private final Organizations organizations;

	VisitorConversationController(Conversations conversations, ConversationAccess access, Transcripts transcripts,
			Contacts contacts, Organizations organizations) {
		this.conversations = conversations;
		this.access = access;
		this.transcripts = transcripts;
		this.contacts = contacts;
		this.organizations = organizations;
	}

	@Schema(name = "ConversationRating")
	record Rating(int rating, @Nullable String comment) {
	}

	@GetMapping("/api/v1/visitor/conversations")
	List<Conversation> mine(@AuthenticationPrincipal VisitorCaller visitor) {
		return conversations.ofContact(visitor.organizationId(), visitor.contactId(), 20);
	}

	@GetMapping("/api/v1/visitor/conversations/current")
	ResponseEntity<Conversation> current(@AuthenticationPrincipal VisitorCaller visitor) {
		return ResponseEntity.of(conversations.openOf(visitor.organizationId(), visitor.contactId()));
	}

	/** The customer leaves: abandons a chat nobody took yet, ends one in progress. */
	@PostMapping("/api/v1/visitor/conversations/{id}/end")
	Conversation end(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id) {
		access.readable(visitor, id);
		return conversations.close(visitor.organizationId(), id, Participant.contact(visitor.contactId()),
				"customer-left");
	}

	@PostMapping("/api/v1/visitor/conversations/{id}/rating")
	Conversation rate(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id,
			@RequestBody Rating rating) {
		return conversations.rate(visitor.organizationId(), id, visitor.contactId(), rating.rating(), rating.comment());
	}

	/** System lines in the reader's language: {@code lang} ({@code en}, {@code zh-CN}), else Accept-Language. */
	@GetMapping("/api/v1/visitor/conversations/{id}/transcript")
	ResponseEntity<String> transcript(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id,
			@RequestParam(defaultValue = "text") String format, @RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		Conversation conversation = access.readable(visitor, id);
		String label = contacts.require(visitor.organizationId(), visitor.contactId()).label();
		String text = transcripts.asText(conversation, label, organizations.require(visitor.organizationId()).timeZone(),
				SystemLines.language(lang, acceptLanguage));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"conversation-" + id + ".txt\"")
			.body(text);
	}
}
