package dev.kefu.quality;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactErased;
import dev.kefu.conversation.ConversationsErased;

/**
 * A finding's detail quotes what was written; when the conversation is erased or deleted the quote reads
 * "[erased]". The finding itself (rule, agent, time) stays: reviews and scores are about the agent's work.
 */
@Component
class ErasedConversationFindings {

	private final JdbcClient jdbc;

	ErasedConversationFindings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ConversationsErased erased) {
		for (UUID conversation : erased.conversationIds()) {
			jdbc.sql("UPDATE quality_finding SET detail = ? WHERE organization_id = ? AND conversation_id = ?")
				.params(ContactErased.MARKER, erased.organizationId(), conversation)
				.update();
		}
	}
}
