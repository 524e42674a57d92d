package dev.kefu.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a staff member may be allowed to do, named as admins see it ({@code kb.publish}). Roles are sets of
 * permissions; a role is granted to a person for the organization, a center or a group, and for a {@link #scoped}
 * permission that scope is what it reaches ({@code conversation.read} granted on group A reads group A's chats). For
 * the others the scope does not narrow anything: a knowledge base or an audit log has no group.
 * <p>
 * The endpoint table in the security module and the WebSocket protocol say which permission each call needs; the
 * services narrow by {@link Reach} where a call touches one group's data.
 */
public enum Permission {
	/** Work the desk: be assigned chats, pick from the queue, answer, close and transfer one's own chats. */
	CONVERSATION_HANDLE("conversation.handle", false),
	/** Read conversations one does not handle: history, search, transcripts. */
	CONVERSATION_READ("conversation.read", true),
	/** Watch live, whisper, take over, transfer others' chats, see queues and load. */
	CONVERSATION_SUPERVISE("conversation.supervise", true),
	/** Read contacts, their profiles and history. */
	CONTACT_READ("contact.read", false),
	/** Edit and tag contacts. */
	CONTACT_EDIT("contact.edit", false),
	/** Merge two contacts into one. */
	CONTACT_MERGE("contact.merge", false),
	/** Take and answer left messages. */
	TICKET_HANDLE("ticket.handle", false),
	/** Assign left messages to others, answer anyone's. */
	TICKET_MANAGE("ticket.manage", false),
	/** KPI reports beyond one's own figures. */
	REPORT_READ("report.read", true),
	/** Write articles and categories, import, export. */
	KB_EDIT("kb.edit", false),
	/** Publish articles so the assistant and the help center use them. */
	KB_PUBLISH("kb.publish", false),
	/** Keep the shared canned replies, and use every group's. */
	CANNED_MANAGE("canned.manage", false),
	/** Review and score conversations (quality inspection): the queue of the groups within reach. */
	QA_REVIEW("qa.review", true),
	/** Keep the rubrics. */
	QA_RUBRICS("qa.rubrics", false),
	/** Decide agents' appeals against a review. */
	QA_APPEALS("qa.appeals", false),
	/** Read and export the audit log. */
	AUDIT_READ("audit.read", false),
	/** See a masked number in clear (each reveal is audited). */
	DATA_REVEAL("data.reveal", false),
	/** Export a contact's data. */
	DATA_EXPORT("data.export", false),
	/** Erase a contact's data. */
	DATA_ERASE("data.erase", false),
	/** Put a contact under legal hold, or lift it. */
	DATA_HOLD("data.hold", false),
	/** Staff, invitations, centers, groups, roles, sessions and second factors. */
	STAFF_MANAGE("staff.manage", false),
	/** Every other setting: widget, channels, tags, privacy, retention, sign-in, integrations, tokens, webhooks. */
	SETTINGS_MANAGE("settings.manage", false);

	private final String key;
	private final boolean scoped;

	Permission(String key, boolean scoped) {
		this.key = key;
		this.scoped = scoped;
	}

	public String key() {
		return key;
	}

	/** Whether a grant's center or group narrows this permission (else only whether it is held counts). */
	public boolean scoped() {
		return scoped;
	}

	public static Optional<Permission> of(String key) {
		String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(p -> p.key.equals(k)).findFirst();
	}

	@Override
	public String toString() {
		return key;
	}
}
