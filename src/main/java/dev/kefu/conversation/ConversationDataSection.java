package dev.kefu.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactDataSection;

/**
 * The contact's conversations for its data export: each with its messages, notes, visit (pages viewed), rating and
 * the attachments' files.
 */
@Component
class ConversationDataSection implements ContactDataSection {

	/** Every conversation, however many: an export is complete or it is not an export. */
	private static final int ALL = Integer.MAX_VALUE;

	private final Conversations conversations;
	private final Messages messages;
	private final Notes notes;
	private final Visits visits;
	private final Attachments attachments;

	ConversationDataSection(Conversations conversations, Messages messages, Notes notes, Visits visits,
			Attachments attachments) {
		this.conversations = conversations;
		this.messages = messages;
		this.notes = notes;
		this.visits = visits;
		this.attachments = attachments;
	}

	@Override
	public String name() {
		return "conversations";
	}

	@Override
	public Object export(UUID organizationId, List<UUID> contactIds, Files files) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (UUID contactId : contactIds) {
			for (Conversation conversation : conversations.ofContact(organizationId, contactId, ALL)) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("conversation", conversation);
				entry.put("messages", messages.all(organizationId, conversation.id()));
				entry.put("notes", notes.of(organizationId, conversation.id()));
				visits.find(organizationId, conversation.id()).ifPresent(visit -> entry.put("visit", visit));
				List<Map<String, Object>> stored = new ArrayList<>();
				for (Attachments.Stored file : attachments.of(organizationId, List.of(conversation.id()))) {
					Map<String, Object> one = new LinkedHashMap<>();
					one.put("id", file.id());
					one.put("fileName", file.fileName());
					one.put("contentType", file.contentType());
					one.put("size", file.size());
					one.put("createdAt", file.createdAt());
					one.put("path", files.add(file.fileName(),
							() -> attachments.open(organizationId, file.id()).content()));
					stored.add(one);
				}
				entry.put("attachments", stored);
				all.add(entry);
			}
		}
		return all;
	}
}
