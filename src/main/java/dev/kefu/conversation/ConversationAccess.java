package dev.kefu.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.Permission;
import dev.kefu.shared.PermissionMissing;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.VisitorCaller;

/**
 * Who may see and write in a conversation. A visitor sees only their own; staff see their organization's. Another
 * organization's conversation is reported as not found, so ids do not leak across tenants.
 */
@Component
public class ConversationAccess {

	private final StaffRoles roles;
	private final Conversations conversations;

	ConversationAccess(Conversations conversations, StaffRoles roles) {
		this.roles = roles;
		this.conversations = conversations;
	}

	/** The conversation if the caller may read it. */
	public Conversation readable(Object caller, UUID conversationId) {
		return switch (caller) {
			case VisitorCaller visitor -> conversations.find(visitor.organizationId(), conversationId)
				.filter(c -> c.contactId().equals(visitor.contactId()))
				.orElseThrow(() -> new ResourceNotFound("conversation", conversationId));
			case StaffCaller staff -> readableBy(staff, conversations.require(staff.organizationId(), conversationId));
			default -> throw new ResourceNotFound("conversation", conversationId);
		};
	}

	/**
	 * Staff read the chats they handle and those within their {@code conversation.read} (or supervision) reach. A
	 * preset role still opens any chat of the organization by its id, as it always has (the desk shows a returning
	 * customer's earlier chats, whoever served them); a custom role is held to its reach.
	 */
	private Conversation readableBy(StaffCaller staff, Conversation c) {
		if (staff.userId().equals(c.agentId()) || !staff.roles().isEmpty()
				|| roles.reaches(staff, Permission.CONVERSATION_READ, c.groupId())
				|| roles.reaches(staff, Permission.CONVERSATION_SUPERVISE, c.groupId())) {
			return c;
		}
		throw new PermissionMissing(Permission.CONVERSATION_READ);
	}

	/** The conversations of a list the caller may read (a custom role sees its reach's). */
	public List<Conversation> visible(StaffCaller staff, List<Conversation> list) {
		if (!staff.roles().isEmpty()) {
			return list;
		}
		return list.stream().filter(c -> {
			try {
				return readableBy(staff, c) != null;
			}
			catch (PermissionMissing e) {
				return false;
			}
		}).toList();
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
