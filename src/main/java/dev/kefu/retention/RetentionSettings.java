package dev.kefu.retention;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An organization's retention: days each kind is kept (null = forever, the default) and whether older data is
 * deleted or anonymized; what the last run did.
 */
@Schema(description = "How long the organization keeps its data; null days = forever")
record RetentionSettings(@Schema(example = "365") @Nullable Integer conversationDays,
		@Schema(example = "365") @Nullable Integer ticketDays, @Schema(example = "730") @Nullable Integer visitorDays,
		@Schema(example = "ANONYMIZE") RetentionMode mode, @Nullable Instant lastRunAt,
		@Nullable Map<RetentionKind, Long> lastRunCounts) {

	static final RetentionSettings DEFAULT = new RetentionSettings(null, null, null, RetentionMode.DELETE, null, null);

	@Nullable
	Integer days(RetentionKind kind) {
		return switch (kind) {
			case CONVERSATIONS -> conversationDays;
			case TICKETS -> ticketDays;
			case VISITORS -> visitorDays;
		};
	}
}
