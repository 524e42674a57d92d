package dev.kefu.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** An API token as the admin sees it: never its secret, only its last four characters in {@code hint}. */
@Schema(example = """
		{"id":"0193a1c2-2222-7a3b-9c1d-2f4e5a6b7c8d","name":"CRM sync","scopes":["contacts:read","conversations:read"],
		 "hint":"kefu_pat_…3f9a","createdAt":"2026-12-03T09:15:00Z","createdById":"0193a1c2-1111-7a3b-9c1d-2f4e5a6b7c8d",
		 "createdBy":"Wang Fang","expiresAt":"2027-12-03T00:00:00Z","lastUsedAt":"2026-12-03T10:02:00Z"}""")
record ApiToken(UUID id, String name, List<String> scopes, String hint, Instant createdAt, UUID createdById,
		String createdBy, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	/**
	 * @param scopes each a family and {@code read} or {@code write}: conversations, messages, contacts, tickets,
	 * knowledge, reports, quality, admin
	 */
	@Schema(example = """
			{"name":"CRM sync","scopes":["contacts:read","conversations:read"],"expiresAt":"2027-12-03T00:00:00Z"}""")
	record NewApiToken(@Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt) {
	}

	/** The answer to a creation: the token, and its secret this once. */
	@Schema(example = """
			{"token":{"id":"0193a1c2-2222-7a3b-9c1d-2f4e5a6b7c8d","name":"CRM sync",
			 "scopes":["contacts:read","conversations:read"],"hint":"kefu_pat_…3f9a","createdAt":"2026-12-03T09:15:00Z",
			 "createdById":"0193a1c2-1111-7a3b-9c1d-2f4e5a6b7c8d","createdBy":"Wang Fang"},
			 "secret":"kefu_pat_8c1e0d5f3b2a49c7e6d1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a13f9a"}""")
	record IssuedApiToken(ApiToken token, String secret) {
	}
}
