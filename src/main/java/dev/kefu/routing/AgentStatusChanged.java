package dev.kefu.routing;

import java.util.List;
import java.util.UUID;

/** An agent's effective status changed. Tickets use ONLINE to hand waiting messages to the first agent back. */
public record AgentStatusChanged(UUID organizationId, UUID staffId, AgentStatus status, List<UUID> groupIds) {
}
