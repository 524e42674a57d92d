package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scope table read as rules: first match wins, reads and writes apart, anything unnamed refused. */
class ApiScopesTest {

	@Test
	void getAndHeadNeedTheReadScopeAndEveryOtherMethodTheWriteScope() {
		assertThat(scope("GET", "/api/v1/tickets/42")).isEqualTo("tickets:read");
		assertThat(scope("HEAD", "/api/v1/tickets")).isEqualTo("tickets:read");
		assertThat(scope("POST", "/api/v1/tickets/42/close")).isEqualTo("tickets:write");
		assertThat(scope("DELETE", "/api/v1/admin/webhooks/7")).isEqualTo("admin:write");
		assertThat(scope("PATCH", "/api/v1/contacts/9")).isEqualTo("contacts:write");
	}

	@Test
	void aConversationsMessagesBelongToTheMessagesFamilyAndItsContactsChatsToConversations() {
		assertThat(scope("GET", "/api/v1/conversations/1/messages")).isEqualTo("messages:read");
		assertThat(scope("POST", "/api/v1/conversations/1/attachments")).isEqualTo("messages:write");
		assertThat(scope("GET", "/api/v1/conversations/1/notes")).isEqualTo("conversations:read");
		assertThat(scope("GET", "/api/v1/contacts/1/conversations")).isEqualTo("conversations:read");
		assertThat(scope("GET", "/api/v1/contacts/1/card")).isEqualTo("contacts:read");
		assertThat(scope("GET", "/api/v1/contacts")).isEqualTo("contacts:read");
		assertThat(scope("POST", "/api/v1/contacts/1/merge")).isEqualTo("contacts:write");
		assertThat(ApiScopes.decide("GET", "/api/v1/contacts/1/history")).isInstanceOf(ApiScopes.NotForTokens.class);
	}

	@Test
	void whatAPersonDoesAsThemselfAndTokenManagementAreNeverForTokens() {
		for (String path : new String[] { "/api/v1/agents/me", "/api/v1/agents/me/status", "/api/v1/auth/logout",
				"/api/v1/conversations/mine", "/api/v1/admin/api-tokens", "/api/v1/admin/api-tokens/1",
				"/api/v1/tickets/1/claim", "/api/v1/tickets/1/answers", "/api/v1/visitor/profile" }) {
			assertThat(ApiScopes.decide("POST", path)).as(path).isInstanceOf(ApiScopes.NotForTokens.class);
		}
	}

	@Test
	void publicPathsIgnoreTokensAndUnnamedPathsAreRefused() {
		assertThat(ApiScopes.decide("POST", "/api/v1/auth/login")).isInstanceOf(ApiScopes.Public.class);
		assertThat(ApiScopes.decide("GET", "/api/v1/help/demo/articles")).isInstanceOf(ApiScopes.Public.class);
		assertThat(ApiScopes.decide("POST", "/api/v1/channels/" + java.util.UUID.randomUUID() + "/messages")).isInstanceOf(ApiScopes.Public.class);
		assertThat(ApiScopes.decide("GET", "/api/v1/channels")).isInstanceOf(ApiScopes.Needs.class);
		// Only reading an attachment is public (its link is signed).
		assertThat(ApiScopes.decide("DELETE", "/api/v1/attachments/1")).isNull();
		assertThat(ApiScopes.decide("GET", "/api/v1/something-new")).isNull();
		assertThat(ApiScopes.decide("POST", "/api/v1/events")).isNull();
	}

	@Test
	void everyFamilyHasAReadAndAWriteScope() {
		assertThat(ApiScopes.ALL).hasSize(ApiScopes.Family.values().length * 2)
			.contains("conversations:read", "quality:write", "admin:read");
	}

	private static String scope(String method, String path) {
		return ((ApiScopes.Needs) ApiScopes.decide(method, path)).scope(method);
	}
}
