package dev.kefu.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What an API token may call: one table of (method, path pattern) to a decision, read top to bottom, first match
 * wins. A path under /api/v1 that the table does not name is refused to tokens: a new endpoint is closed to them until
 * someone decides its scope here (ApiTokenScopeWalkTest fails for any endpoint without a decision).
 * <p>
 * A scope is a family and {@code read} (GET, HEAD) or {@code write} (every other method), e.g. {@code tickets:write}.
 */
final class ApiScopes {

	/** The families of the API, each with a read and a write scope. */
	enum Family {
		CONVERSATIONS, MESSAGES, CONTACTS, TICKETS, KNOWLEDGE, REPORTS, QUALITY, ADMIN;

		String read() {
			return name().toLowerCase(Locale.ROOT) + ":read";
		}

		String write() {
			return name().toLowerCase(Locale.ROOT) + ":write";
		}
	}

	/** Every scope a token may hold. */
	static final Set<String> ALL = Arrays.stream(Family.values())
		.flatMap(f -> Stream.of(f.read(), f.write()))
		.collect(Collectors.toCollection(LinkedHashSet::new));

	/** What the table says about one request. */
	sealed interface Decision {
	}

	/** Open without any credential (or authenticated by its own signature); a token there is ignored. */
	record Public() implements Decision {
	}

	/** Acts as a person (their status, their queue, their login) or manages tokens: never for a token. */
	record NotForTokens() implements Decision {
	}

	/** Allowed to a token holding this family's scope for the method. */
	record Needs(Family family) implements Decision {

		String scope(String method) {
			return reads(method) ? family.read() : family.write();
		}
	}

	private static final PathTable<Decision> TABLE = new PathTable<>();

	static {
		Decision open = new Public();
		Decision refused = new NotForTokens();
		// Public: anyone may call these; visitors' sessions and the channels' inbound paths authenticate otherwise.
		rule("POST", "/api/v1/auth/login", open);
		rule("POST", "/api/v1/auth/login/**", open);
		rule(null, "/api/v1/auth/sso/**", open);
		rule("POST", "/api/v1/visitor/sessions", open);
		rule(null, "/api/v1/widget/**", open);
		rule(null, "/api/v1/help/**", open);
		rule("GET", "/api/v1/attachments/*", open);
		// Below a channel's id are its provider's inbound paths (the API channel's messages), each authenticated by
		// the provider itself (the channel's signature), never by a token.
		rule(null, "/api/v1/channels/*/**", open);
		// A person's own things, or things done as a person: a token is nobody's login.
		rule(null, "/api/v1/auth/**", refused);
		rule(null, "/api/v1/visitor/**", refused);
		rule(null, "/api/v1/agents/me/**", refused);
		rule(null, "/api/v1/conversations/mine", refused);
		rule(null, "/api/v1/conversations/*/receipts", refused);
		rule(null, "/api/v1/canned-responses/**", refused);
		rule(null, "/api/v1/supervision/conversations/*/whisper", refused);
		rule(null, "/api/v1/supervision/conversations/*/take-over", refused);
		rule(null, "/api/v1/tickets/*/claim", refused);
		rule(null, "/api/v1/queue/**", refused);
		// An answer would make the token the ticket's assignee, and the customer's agent.
		rule(null, "/api/v1/tickets/*/answers", refused);
		rule(null, "/api/v1/quality/tasks/*/review", refused);
		rule(null, "/api/v1/quality/reviews/*/appeal", refused);
		rule(null, "/api/v1/quality/reviews/*/decision", refused);
		// A contact's history mixes conversations and left messages, two families: a token reads each with its own
		// scope (/contacts/{id}/conversations, /tickets?contactId=).
		rule("GET", "/api/v1/contacts/*/history", refused);
		// A reveal shows a clear card number to a person and is audited by their name: a token is nobody.
		rule(null, "/api/v1/conversations/*/messages/*/reveal", refused);
		rule(null, "/api/v1/privacy/**", refused);
		// A data subject's rights (export, erasure, legal hold) are exercised by a person, on the record.
		rule(null, "/api/v1/contacts/*/export", refused);
		rule(null, "/api/v1/contacts/*/erase", refused);
		rule(null, "/api/v1/contacts/*/legal-hold", refused);
		// A token must not mint or revoke tokens: a leaked one could otherwise outlive its own revocation.
		rule(null, "/api/v1/admin/api-tokens/**", refused);
		// Nor weaken sign-in: a leaked token that could reset a second factor or stop requiring one would turn a
		// stolen password into a login.
		rule(null, "/api/v1/admin/staff/*/two-factor", refused);
		rule("PUT", "/api/v1/admin/sign-in", refused);
		// Running the installation (organizations, their limits, operators) is done by a person, never a token.
		rule(null, "/api/v1/platform/**", refused);
		// Families.
		rule(null, "/api/v1/conversations/*/messages/**", new Needs(Family.MESSAGES));
		rule(null, "/api/v1/conversations/*/attachments/**", new Needs(Family.MESSAGES));
		rule(null, "/api/v1/conversations/**", new Needs(Family.CONVERSATIONS));
		rule(null, "/api/v1/contacts/*/conversations", new Needs(Family.CONVERSATIONS));
		rule("GET", "/api/v1/events", new Needs(Family.CONVERSATIONS));
		rule(null, "/api/v1/groups/**", new Needs(Family.CONVERSATIONS));
		rule("GET", "/api/v1/tags", new Needs(Family.CONVERSATIONS));
		rule("GET", "/api/v1/dispositions", new Needs(Family.CONVERSATIONS));
		rule("GET", "/api/v1/channels", new Needs(Family.CONVERSATIONS));
		rule(null, "/api/v1/contacts/**", new Needs(Family.CONTACTS));
		rule(null, "/api/v1/tickets/**", new Needs(Family.TICKETS));
		rule(null, "/api/v1/knowledge/**", new Needs(Family.KNOWLEDGE));
		rule(null, "/api/v1/assistant/**", new Needs(Family.KNOWLEDGE));
		rule(null, "/api/v1/reports/**", new Needs(Family.REPORTS));
		rule(null, "/api/v1/supervision/**", new Needs(Family.REPORTS));
		rule(null, "/api/v1/quality/**", new Needs(Family.QUALITY));
		rule(null, "/api/v1/admin/**", new Needs(Family.ADMIN));
	}

	private static void rule(@Nullable String method, String pattern, Decision decision) {
		TABLE.rule(method, pattern, decision);
	}

	private ApiScopes() {
	}

	/** The table's decision for a request, or null when it has none (then a token is refused). */
	static @Nullable Decision decide(String method, String path) {
		return TABLE.decide(method, path);
	}

	static boolean reads(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}
}
