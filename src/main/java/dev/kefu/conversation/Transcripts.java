package dev.kefu.conversation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * A conversation written out for people (plain text) or systems (JSON), with its system lines in the reader's
 * language (see {@link SystemLines#language}).
 */
@Component
class Transcripts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Messages messages;

	Transcripts(Messages messages) {
		this.messages = messages;
	}

	record Transcript(Conversation conversation, List<Message> messages) {
	}

	Transcript of(Conversation conversation, String language) {
		return new Transcript(conversation, all(conversation.organizationId(), conversation.id()).stream()
			.map(m -> SystemLines.forReader(m, language))
			.toList());
	}

	String asText(Conversation conversation, String contactLabel, ZoneId zone, String language) {
		return all(conversation.organizationId(), conversation.id()).stream()
			.map(m -> SystemLines.forReader(m, language))
			.map(m -> "[" + TIME.format(m.createdAt().atZone(zone)) + "] " + author(m, contactLabel) + ": " + m.text()
					+ m.attachments().stream().map(a -> " [" + a.name() + "]").collect(Collectors.joining()))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	private List<Message> all(UUID organizationId, UUID conversationId) {
		List<Message> all = new java.util.ArrayList<>();
		long after = 0;
		while (true) {
			List<Message> page = messages.after(organizationId, conversationId, after, Messages.MAX_PAGE);
			all.addAll(page);
			if (page.size() < Messages.MAX_PAGE) {
				return all;
			}
			after = page.getLast().seq();
		}
	}

	static String author(Message m, String contactLabel) {
		return m.sender().type() == ParticipantType.CONTACT ? contactLabel
				: m.sender().name() == null ? m.sender().type().name() : m.sender().name();
	}
}
