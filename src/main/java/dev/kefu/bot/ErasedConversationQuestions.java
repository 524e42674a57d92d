package dev.kefu.bot;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactErased;
import dev.kefu.conversation.ConversationsErased;

/**
 * The assistant's log keeps each customer question it answered; when the conversation is erased the question reads
 * "[erased]" (its outcome stays, for the assistant's figures), and when it is deleted the rows go. Idempotent.
 */
@Component
class ErasedConversationQuestions {

	private final JdbcClient jdbc;

	ErasedConversationQuestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ConversationsErased erased) {
		for (UUID conversation : erased.conversationIds()) {
			if (erased.deleted()) {
				jdbc.sql("DELETE FROM bot_reply WHERE organization_id = ? AND conversation_id = ?")
					.params(erased.organizationId(), conversation)
					.update();
			}
			else {
				jdbc.sql("UPDATE bot_reply SET question = ? WHERE organization_id = ? AND conversation_id = ?")
					.params(ContactErased.MARKER, erased.organizationId(), conversation)
					.update();
			}
		}
	}
}
