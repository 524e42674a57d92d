package dev.kefu.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which closed conversations an inspector reviews. The random share is decided by a hash of the conversation id, not
 * by a random draw: a redelivered event or a late rating decides the same way as the first time.
 */
record Sampling(QualitySettings settings) {

	Set<ReviewTask.Reason> reasons(UUID conversationId, List<String> rulesFound, @Nullable Integer rating) {
		Set<ReviewTask.Reason> reasons = EnumSet.noneOf(ReviewTask.Reason.class);
		if (inShare(conversationId, settings.samplePercent())) {
			reasons.add(ReviewTask.Reason.RANDOM);
		}
		if (settings.includeFindings() && rulesFound.stream().anyMatch(rule -> !rule.equals(LowSatisfaction.NAME))) {
			reasons.add(ReviewTask.Reason.FINDINGS);
		}
		if (settings.includeLowRatings() && rating != null && rating <= LowSatisfaction.LOW) {
			reasons.add(ReviewTask.Reason.LOW_RATING);
		}
		return reasons;
	}

	/** Whether the conversation falls into a share of {@code percent} of all conversations. */
	static boolean inShare(UUID conversationId, int percent) {
		return bucket(conversationId) < percent;
	}

	/** 0-99, spread evenly; SHA-256 because version-7 ids are mostly a timestamp. */
	static int bucket(UUID conversationId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(conversationId.toString().getBytes(StandardCharsets.US_ASCII));
			long value = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
			return (int) (value % 100);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}
}
