package dev.kefu.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.contact.Contacts;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.VisitorCaller;

/**
 * A visitor's own conversation written out for them to keep elsewhere (e-mailed), exactly as the transcript download
 * writes it, with system lines in the reader's language; and the same lines one by one, for a formatted copy.
 */
@Component
public class TranscriptCopies {

	private final ConversationAccess access;
	private final Transcripts transcripts;
	private final Contacts contacts;
	private final Organizations organizations;

	TranscriptCopies(ConversationAccess access, Transcripts transcripts, Contacts contacts,
			Organizations organizations) {
		this.access = access;
		this.transcripts = transcripts;
		this.contacts = contacts;
		this.organizations = organizations;
	}

	public record Line(Instant at, String author, boolean fromCustomer, String text, List<String> files) {
	}

	/** {@code text} is the download's text; {@code zone} the organization's, in which times are written. */
	public record Copy(Conversation conversation, String language, ZoneId zone, String text, List<Line> lines) {
	}

	/** The visitor's own conversation; another's, or another organization's, is not found. */
	public Copy forVisitor(VisitorCaller visitor, UUID conversationId, String language) {
		Conversation conversation = access.readable(visitor, conversationId);
		String label = contacts.require(visitor.organizationId(), visitor.contactId()).label();
		ZoneId zone = organizations.require(visitor.organizationId()).timeZone();
		List<Line> lines = transcripts.of(conversation, language).messages().stream()
			.map(m -> new Line(m.createdAt(), Transcripts.author(m, label),
					m.sender().type() == ParticipantType.CONTACT, m.text(),
					m.attachments().stream().map(AttachmentRef::name).toList()))
			.toList();
		return new Copy(conversation, language, zone, transcripts.asText(conversation, label, zone, language), lines);
	}

	/** The reader's language as the transcript download picks it: {@code lang}, else Accept-Language. */
	public static String language(@Nullable String lang, @Nullable String acceptLanguage) {
		return SystemLines.language(lang, acceptLanguage);
	}
}
