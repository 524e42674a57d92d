package dev.kefu.crm;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the desk shows of a contact from the organization's CRM. {@code status} is {@code ok} (the CRM answered;
 * {@code fields} and {@code links} are its answer, checked), {@code loading} (the lookup is still under way: ask
 * again), {@code unavailable} (the CRM failed; {@code reason} says how, for people, {@code reasonCode} for programs)
 * or {@code not-configured}. Fields and links are plain text, never markup.
 */
@Schema(description = "A contact's CRM card")
record CrmCard(@Schema(allowableValues = { "ok", "loading", "unavailable", "not-configured" }, example = "ok") String status,
		@Schema(example = "CRM did not answer within 2 s") @Nullable String reason,
		@Schema(allowableValues = { "timeout", "http-status", "bad-answer", "unreachable", "forbidden-target" },
				example = "timeout") @Nullable String reasonCode,
		List<Field> fields, List<Link> links,
		@Schema(description = "When the CRM answered", example = "2026-12-03T08:15:30Z") @Nullable Instant fetchedAt) {

	static final String OK = "ok";
	static final String LOADING = "loading";
	static final String UNAVAILABLE = "unavailable";
	static final String NOT_CONFIGURED = "not-configured";

	@Schema(description = "One line of the card")
	record Field(@Schema(example = "会员等级") String label, @Schema(example = "金卡") String value) {
	}

	@Schema(description = "A link into the CRM; always http or https, opened in a new tab")
	record Link(@Schema(example = "Open in CRM") String label,
			@Schema(example = "https://crm.example.com/customers/cust-42") String url) {
	}

	static CrmCard ok(List<Field> fields, List<Link> links, Instant fetchedAt) {
		return new CrmCard(OK, null, null, fields, links, fetchedAt);
	}

	static CrmCard unavailable(String code, String reason, Instant at) {
		return new CrmCard(UNAVAILABLE, reason, code, List.of(), List.of(), at);
	}

	static CrmCard loading() {
		return new CrmCard(LOADING, null, null, List.of(), List.of(), null);
	}

	static CrmCard notConfigured() {
		return new CrmCard(NOT_CONFIGURED, null, null, List.of(), List.of(), null);
	}

	boolean isOk() {
		return OK.equals(status);
	}
}
