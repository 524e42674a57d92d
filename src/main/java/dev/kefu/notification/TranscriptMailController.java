package dev.kefu.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.contact.Contact;
import dev.kefu.contact.ContactProfile;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.ConversationAccess;
import dev.kefu.conversation.TranscriptCopies;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.RateLimited;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.VisitorCaller;

/**
 * A visitor asks, at the end of a chat, for its transcript by e-mail. Only their own conversation, once it has ended;
 * one mail per conversation and address (asking again shows how the first one went), and a few an hour per visitor,
 * counted in the outbox so the limit holds across nodes: the address is theirs to type, and must not make the server
 * a relay.
 */
@RestController
class TranscriptMailController {

	private static final Logger log = LoggerFactory.getLogger(TranscriptMailController.class);
	static final String KIND = "TRANSCRIPT";

	private final SystemMail mail;
	private final MailOutbox outbox;
	private final TranscriptCopies copies;
	private final ConversationAccess access;
	private final Contacts contacts;
	private final Organizations organizations;
	private final MailProperties properties;
	private final Clock clock;

	TranscriptMailController(SystemMail mail, MailOutbox outbox, TranscriptCopies copies, ConversationAccess access,
			Contacts contacts, Organizations organizations, MailProperties properties, Clock clock) {
		this.mail = mail;
		this.outbox = outbox;
		this.copies = copies;
		this.access = access;
		this.contacts = contacts;
		this.organizations = organizations;
		this.properties = properties;
		this.clock = clock;
	}

	/** {@code lang}: the widget's language (en, zh-CN), else Accept-Language. */
	record TranscriptRequest(@Nullable String email, @Nullable String lang) {
	}

	/** {@code address}: the visitor's own e-mail, to prefill; {@code mails}: the transcripts mailed so far. */
	record TranscriptMail(boolean configured, @Nullable String address, List<MailState> mails) {
	}

	@GetMapping("/api/v1/visitor/conversations/{id}/transcript/email")
	TranscriptMail state(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id) {
		access.readable(visitor, id);
		String address = contacts.find(visitor.organizationId(), visitor.contactId())
			.map(Contact::email)
			.filter(Addresses::plausible)
			.orElse(null);
		return new TranscriptMail(mail.configured(), address, mails(visitor, id));
	}

	@PostMapping("/api/v1/visitor/conversations/{id}/transcript/email")
	ResponseEntity<MailState> send(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id,
			@RequestBody TranscriptRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		String to = Addresses.require(request.email(), "email");
		String language = TranscriptCopies.language(request.lang(), acceptLanguage);
		if (access.readable(visitor, id).closedAt() == null) {
			throw new StateConflict("conversation-open", "the transcript can be mailed once the chat has ended");
		}
		mail.requireConfigured();
		String key = "transcript:" + id + ":" + Addresses.key(to);
		Optional<MailState> asked = mails(visitor, id).stream().filter(m -> m.key().equals(key)).findFirst();
		if (asked.isPresent()) {
			return ResponseEntity.ok(asked.get());
		}
		if (outbox.queuedFor(visitor.organizationId(), visitor.contactId(), KIND,
				clock.instant().minus(Duration.ofHours(1))) >= properties.transcriptsPerHour()) {
			throw new RateLimited("too many transcripts mailed; try again later", Duration.ofHours(1));
		}
		TranscriptCopies.Copy copy = copies.forVisitor(visitor, id, language);
		Letter letter = Letters.transcript(organizations.require(visitor.organizationId()).name(), copy);
		MailState queued = mail.queue(visitor.organizationId(),
				new OutgoingMail(KIND, key, id, visitor.contactId(), to, language, letter));
		remember(visitor, to);
		return ResponseEntity.accepted().body(queued);
	}

	private List<MailState> mails(VisitorCaller visitor, UUID conversationId) {
		return mail.about(visitor.organizationId(), conversationId).stream()
			.filter(m -> KIND.equals(m.kind()))
			.toList();
	}

	/** A visitor with no e-mail on their profile now has one, for the agent who serves them next. Never overwrites. */
	private void remember(VisitorCaller visitor, String address) {
		try {
			Contact contact = contacts.require(visitor.organizationId(), visitor.contactId());
			if (contact.email() == null || contact.email().isBlank()) {
				contacts.update(visitor.organizationId(), visitor.contactId(),
						new ContactProfile(null, address, null, null));
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not keep the transcript address on contact {}", visitor.contactId(), e);
		}
	}
}
