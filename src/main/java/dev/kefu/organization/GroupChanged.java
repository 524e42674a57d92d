package dev.kefu.organization;

import java.util.UUID;

/** A group's queue limit, offline policy, reply targets or queue access changed. */
public record GroupChanged(UUID organizationId, UUID groupId) {
}
