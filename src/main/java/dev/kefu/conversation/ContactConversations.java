package dev.kefu.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactHistory;
import dev.kefu.contact.ContactsMerged;

/**
 * A contact's conversations, for the contact's page, and moving them when two contacts are merged: the survivor's
 * history then shows both. Durable, so a node that dies mid-way moves them when the event is replayed; moving twice
 * changes nothing.
 */
@Component
class ContactConversations implements ContactHistory {

	private final Conversations conversations;
	private final JdbcClient jdbc;

	ContactConversations(Conversations conversations, JdbcClient jdbc) {
		this.conversations = conversations;
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "conversations";
	}

	@Override
	public List<Conversation> of(UUID organizationId, UUID contactId, int limit) {
		return conversations.ofContact(organizationId, contactId, limit);
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		jdbc.sql("UPDATE conversation SET contact_id = ? WHERE organization_id = ? AND contact_id = ?")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId())
			.update();
		// What the customer wrote is the survivor's too; found through the survivor's conversations (indexed).
		jdbc.sql("""
				UPDATE message SET sender_id = ?
				WHERE organization_id = ? AND sender_type = 'CONTACT' AND sender_id = ? AND conversation_id IN (
				  SELECT id FROM conversation WHERE organization_id = ? AND contact_id = ?)""")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId(), merged.organizationId(),
					merged.survivorId())
			.update();
	}
}
