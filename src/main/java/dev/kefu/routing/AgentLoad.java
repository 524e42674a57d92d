package dev.kefu.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's routing state. {@code status} is effective (an agent whose connections are all gone is OFFLINE);
 * {@code wantedStatus} is what they chose, restored when they reconnect.
 */
public record AgentLoad(UUID staffId, UUID organizationId, String displayName, AgentStatus status,
		AgentStatus wantedStatus, int capacity, int active, Instant statusSince) {
}
