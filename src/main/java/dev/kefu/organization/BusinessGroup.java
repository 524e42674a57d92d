package dev.kefu.organization;

import java.time.Duration;
import java.util.UUID;

/**
 * A skill group with its own queue. {@code queueLimit} is how many chats may wait before new customers are offered
 * leave-a-message instead.
 */
public record BusinessGroup(UUID id, UUID organizationId, UUID centerId, String name, int queueLimit,
		OfflinePolicy offlinePolicy, Duration requeueAfter) {
}
