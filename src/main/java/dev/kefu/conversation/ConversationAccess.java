package dev.kefu.conversation;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.VisitorCaller;

/**
 * Who may see and write in a conversation. A visitor sees only their own; staff see their organization's. Another
 * organization's conversation is reported as not found, so ids do not leak across tenants.
 */
@Component
public class ConversationAccess {

	private final Conversations conversations;

	ConversationAccess(Conversations conversations) {
		this.conversations = conversations;
	}

	/** The conversation if the caller may read it. */
	public Conversation readable(Object caller, UUID conversationId) {
		return switch (caller) {
			case VisitorCaller visitor -> conversations.find(visitor.organizationId(), conversationId)
				.filter(c -> c.contactId().equals(visitor.contactId()))
				.orElseThrow(() -> new ResourceNotFound("conversation", conversationId));
			case StaffCaller staff -> conversations.require(staff.organizationId(), conversationId);
			default -> throw new ResourceNotFound("conversation", conversationId);
		};
	}

	/** How the caller appears as author of a message; whether they may write is checked when storing it. */
	public static Participant author(Object caller) {
		return switch (caller) {
			case VisitorCaller visitor -> Participant.contact(visitor.contactId());
			case StaffCaller staff -> Participant.agent(staff.userId(), staff.displayName());
			default -> throw new IllegalArgumentException("unknown caller " + caller);
		};
	}

	public static UUID organizationOf(Object caller) {
		return switch (caller) {
			case VisitorCaller visitor -> visitor.organizationId();
			case StaffCaller staff -> staff.organizationId();
			default -> throw new IllegalArgumentException("unknown caller " + caller);
		};
	}

	public static ParticipantType sideOf(Object caller) {
		return caller instanceof VisitorCaller ? ParticipantType.CONTACT : ParticipantType.AGENT;
	}
}
