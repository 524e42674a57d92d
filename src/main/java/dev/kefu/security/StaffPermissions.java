package dev.kefu.security;

import static dev.kefu.shared.Permission.*;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;

/**
 * Which permission a staff member needs for each call: one table of (method, path pattern) to a decision, read top to
 * bottom, first match wins, checked before any controller runs ({@link PermissionGate}). A path under /api that the
 * table does not name is refused: a new endpoint stays closed until someone decides here (StaffPermissionWalkTest
 * fails for any endpoint without a decision, and calls each one with a role missing its permission).
 * <p>
 * The gate says whether a person may call at all; where a call touches one group's data, the service narrows by the
 * permission's reach (a supervisor of group A reading group B's chat is refused there).
 */
final class StaffPermissions {

	/** What the table says about one request. */
	sealed interface Decision {
	}

	/** Not for staff, or decided elsewhere: public paths, the visitor's API, the channels' signed callbacks. */
	record NotStaff() implements Decision {
	}

	/** Any signed-in staff member: their own login, status and figures, and the lists every screen needs. */
	record AnyStaff() implements Decision {
	}

	/** Allowed to whoever holds at least one of these. */
	record Needs(Set<Permission> anyOf) implements Decision {

		boolean allows(StaffCaller caller) {
			return anyOf.stream().anyMatch(caller::may);
		}

		String keys() {
			return String.join(" or ", anyOf.stream().map(Permission::key).toList());
		}
	}

	private static final PathTable<Decision> TABLE = new PathTable<>();

	static {
		Decision notStaff = new NotStaff();
		Decision anyStaff = new AnyStaff();
		// Public, the visitor's own API and the providers' signed callbacks: the filter chain decides those.
		rule("POST", "/api/v1/auth/login", notStaff);
		rule("POST", "/api/v1/auth/login/**", notStaff);
		rule(null, "/api/v1/auth/sso/**", notStaff);
		rule(null, "/api/v1/visitor/**", notStaff);
		rule(null, "/api/v1/widget/**", notStaff);
		rule(null, "/api/v1/help/**", notStaff);
		rule("GET", "/api/v1/attachments/*", notStaff);
		rule("POST", "/api/v1/channels/*/messages", notStaff);
		rule(null, "/api/v1/channels/*/wechat", notStaff);
		rule(null, "/api/v1/channels/*/wecom", notStaff);
		// A person's own things, and lists every screen reads.
		rule(null, "/api/v1/auth/**", anyStaff);
		rule("GET", "/api/v1/agents/me", anyStaff);
		rule("GET", "/api/v1/events", anyStaff);
		rule("GET", "/api/v1/conversations/mine", anyStaff);
		rule("GET", "/api/v1/tags", anyStaff);
		rule("GET", "/api/v1/dispositions", anyStaff);
		rule("GET", "/api/v1/channels", anyStaff);
		rule("GET", "/api/v1/groups", anyStaff);
		rule("GET", "/api/v1/privacy/reveal-policy", anyStaff);
		// One's own figures without report.read; the service widens to the permission's reach.
		rule("GET", "/api/v1/reports/kpis", anyStaff);
		// The platform operator's API: the platform module refuses whoever is not an operator, above any organization.
		rule(null, "/api/v1/platform/**", anyStaff);
		// Personal canned replies are anyone's; shared ones need canned.manage, checked by the service.
		rule(null, "/api/v1/canned-responses/**", anyStaff);
		// Everyone reads the knowledge base and proposes drafts; kb.edit and kb.publish are checked by the service.
		rule("GET", "/api/v1/knowledge/articles/**", anyStaff);
		rule("GET", "/api/v1/knowledge/categories", anyStaff);
		rule("GET", "/api/v1/knowledge/search", anyStaff);
		rule("GET", "/api/v1/knowledge/suggestions", anyStaff);
		rule("POST", "/api/v1/knowledge/drafts/from-reply", anyStaff);
		rule("POST", "/api/v1/knowledge/articles", anyStaff);
		rule("PUT", "/api/v1/knowledge/articles/*", anyStaff);
		rule("POST", "/api/v1/knowledge/images", anyStaff);
		// An agent's own reviews and findings, and their appeal.
		rule("GET", "/api/v1/quality/reviews", anyStaff);
		rule("GET", "/api/v1/quality/reviews/*", anyStaff);
		rule("GET", "/api/v1/quality/findings", anyStaff);
		rule("POST", "/api/v1/quality/reviews/*/appeal", anyStaff);

		// The desk.
		rule(null, "/api/v1/agents/me/**", needs(CONVERSATION_HANDLE));
		rule(null, "/api/v1/queue/**", needs(CONVERSATION_HANDLE));
		rule("GET", "/api/v1/groups/*/queue", needs(CONVERSATION_HANDLE, CONVERSATION_SUPERVISE));
		rule("POST", "/api/v1/conversations/*/messages/*/reveal", needs(DATA_REVEAL));
		rule("POST", "/api/v1/conversations/*/receipts", needs(CONVERSATION_HANDLE, CONVERSATION_READ));
		rule("POST", "/api/v1/conversations/*/transfer", needs(CONVERSATION_HANDLE, CONVERSATION_SUPERVISE));
		rule("GET", "/api/v1/conversations/**", needs(CONVERSATION_HANDLE, CONVERSATION_READ));
		rule("GET", "/api/v1/conversations", needs(CONVERSATION_HANDLE, CONVERSATION_READ));
		rule(null, "/api/v1/conversations/**", needs(CONVERSATION_HANDLE));
		rule("GET", "/api/v1/contacts/*/legal-hold", needs(CONTACT_READ));
		rule(null, "/api/v1/contacts/*/legal-hold", needs(DATA_HOLD));
		rule(null, "/api/v1/contacts/*/export", needs(DATA_EXPORT));
		rule(null, "/api/v1/contacts/*/erase", needs(DATA_ERASE));
		rule(null, "/api/v1/contacts/*/merge", needs(CONTACT_MERGE));
		rule("GET", "/api/v1/contacts/*/conversations", needs(CONVERSATION_HANDLE, CONVERSATION_READ));
		rule("GET", "/api/v1/contacts/**", needs(CONTACT_READ));
		rule("GET", "/api/v1/contacts", needs(CONTACT_READ));
		rule(null, "/api/v1/contacts/**", needs(CONTACT_EDIT));
		rule("GET", "/api/v1/tickets/**", needs(TICKET_HANDLE, TICKET_MANAGE));
		rule("GET", "/api/v1/tickets", needs(TICKET_HANDLE, TICKET_MANAGE));
		rule("PUT", "/api/v1/tickets/*/assignee", needs(TICKET_HANDLE, TICKET_MANAGE));
		rule(null, "/api/v1/tickets/**", needs(TICKET_HANDLE));

		// The knowledge base's keepers, quality, supervision.
		rule(null, "/api/v1/knowledge/**", needs(KB_EDIT));
		rule(null, "/api/v1/assistant/**", needs(KB_EDIT));
		rule(null, "/api/v1/supervision/**", needs(CONVERSATION_SUPERVISE));
		rule("GET", "/api/v1/quality/rubrics/**", needs(QA_REVIEW, QA_RUBRICS));
		rule("GET", "/api/v1/quality/rubrics", needs(QA_REVIEW, QA_RUBRICS));
		rule(null, "/api/v1/quality/rubrics/**", needs(QA_RUBRICS));
		rule(null, "/api/v1/quality/reviews/*/decision", needs(QA_APPEALS));
		rule("GET", "/api/v1/quality/settings", needs(QA_REVIEW, SETTINGS_MANAGE));
		rule(null, "/api/v1/quality/settings", needs(SETTINGS_MANAGE));
		rule(null, "/api/v1/quality/**", needs(QA_REVIEW));

		// Administration: the console's own page is open to whoever keeps any part of it.
		rule("GET", "/api/v1/admin/organization", needs(STAFF_MANAGE, SETTINGS_MANAGE, AUDIT_READ));
		rule(null, "/api/v1/admin/audit", needs(AUDIT_READ));
		rule("GET", "/api/v1/admin/audit/**", needs(AUDIT_READ));
		rule(null, "/api/v1/admin/staff/**", needs(STAFF_MANAGE));
		rule(null, "/api/v1/admin/invitations/**", needs(STAFF_MANAGE));
		rule(null, "/api/v1/admin/centers/**", needs(STAFF_MANAGE));
		rule(null, "/api/v1/admin/roles/**", needs(STAFF_MANAGE));
		rule(null, "/api/v1/admin/groups/*/assistant", needs(SETTINGS_MANAGE));
		rule(null, "/api/v1/admin/groups/*/mail-alerts", needs(SETTINGS_MANAGE));
		rule(null, "/api/v1/admin/groups/**", needs(STAFF_MANAGE));
		rule(null, "/api/v1/admin/**", needs(SETTINGS_MANAGE));
	}

	private static Decision needs(Permission... anyOf) {
		return new Needs(Set.copyOf(EnumSet.of(anyOf[0], anyOf)));
	}

	private static void rule(@Nullable String method, String pattern, Decision decision) {
		TABLE.rule(method, pattern, decision);
	}

	private StaffPermissions() {
	}

	/** The table's decision for a request, or null when it has none (then staff are refused). */
	static @Nullable Decision decide(String method, String path) {
		return TABLE.decide(method, path);
	}
}
