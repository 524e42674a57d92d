package dev.kefu.conversation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.privacy.Masking;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/** Internal notes: kept apart from messages so they can never reach the customer, not even through catch-up. */
@Service
public class Notes {

	private final JdbcClient jdbc;
	private final Conversations conversations;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	private final Masking masking;

	Notes(JdbcClient jdbc, Conversations conversations, ApplicationEventPublisher events, Clock clock,
			Masking masking) {
		this.masking = masking;
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
	}

	public Note add(UUID organizationId, UUID conversationId, UUID authorId, String authorName, String text) {
		return add(organizationId, conversationId, authorId, authorName, text, false);
	}

	/** A supervisor's whisper to the agent of an open conversation. */
	public Note whisper(UUID organizationId, UUID conversationId, UUID authorId, String authorName, String text) {
		if (!conversations.require(organizationId, conversationId).state().isOpen()) {
			throw new StateConflict("conversation-closed", "the conversation has ended; there is no one to whisper to");
		}
		return add(organizationId, conversationId, authorId, authorName, text, true);
	}

	private Note add(UUID organizationId, UUID conversationId, UUID authorId, String authorName, String text,
			boolean whisper) {
		if (text == null || text.isBlank() || text.length() > 4000) {
			throw new RequestRejected("invalid-note", "a note must be 1-4000 characters");
		}
		Conversation conversation = conversations.require(organizationId, conversationId);
		// Staff copy what customers wrote into notes and whispers: masked like a message (never kept in clear).
		Note note = new Note(Ids.newId(), conversationId, authorId, authorName,
				masking.mask(organizationId, text.strip()).text(), clock.instant(), whisper);
		jdbc.sql("""
				INSERT INTO conversation_note (id, conversation_id, organization_id, author_id, author_name, body,
				                               created_at, whisper)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(note.id(), conversationId, organizationId, authorId, authorName, note.text(),
					SqlTime.of(note.createdAt()), whisper)
			.update();
		AfterCommit.run(() -> events.publishEvent(new NoteAdded(organizationId, conversation.agentId(), note)));
		return note;
	}

	/** The conversation's notes; another organization's conversation is not found, as everywhere else. */
	public List<Note> of(UUID organizationId, UUID conversationId) {
		conversations.require(organizationId, conversationId);
		return jdbc.sql("SELECT * FROM conversation_note WHERE conversation_id = ? AND organization_id = ? ORDER BY created_at, id")
			.params(conversationId, organizationId)
			.query((rs, row) -> new Note(rs.getObject("id", UUID.class), conversationId,
					rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("body"),
					SqlTime.read(rs, "created_at"), rs.getBoolean("whisper")))
			.list();
	}
}
