package dev.kefu.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing done: by whom ({@code actorId} is a staff member's or an API token's id; none for a failed login, whose
 * {@code actorName} is the username tried, or for the system), what, to what, from where, and for a change the changed
 * fields before and after (compact JSON, or text).
 */
@Schema(example = """
		{"id":"0193a1c2-7d7e-7a3b-9c1d-2f4e5a6b7c8d","occurredAt":"2026-12-03T09:15:00Z",
		 "actorId":"0193a1c2-1111-7a3b-9c1d-2f4e5a6b7c8d","actorName":"Wang Fang","action":"staff.changed",
		 "target":"staff:0193a1c2-2222-7a3b-9c1d-2f4e5a6b7c8d","detail":"Li Lei",
		 "sourceAddress":"203.0.113.7","before":"{\\"maxChats\\":5}","after":"{\\"maxChats\\":8}"}""")
record AuditEntry(UUID id, Instant occurredAt, @Nullable UUID actorId, String actorName, String action,
		@Nullable String target, @Nullable String detail, @Nullable String sourceAddress, @Nullable String before,
		@Nullable String after) {
}
