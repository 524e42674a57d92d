package dev.kefu.organization;

import java.time.Duration;
import java.util.UUID;

/**
 * A skill group with its own queue. {@code queueLimit} is how many chats may wait before new customers are offered
 * leave-a-message instead; {@code replyTargets} how long a customer may wait for a reply here; {@code queueAccess}
 * whether routing assigns its waiting chats, agents pick them, or both.
 */
public record BusinessGroup(UUID id, UUID organizationId, UUID centerId, String name, int queueLimit,
		OfflinePolicy offlinePolicy, Duration requeueAfter, ReplyTargets replyTargets, QueueAccess queueAccess) {
}
