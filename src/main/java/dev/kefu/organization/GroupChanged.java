package dev.kefu.organization;

import java.util.UUID;

/** A group's queue limit or offline policy changed. */
public record GroupChanged(UUID organizationId, UUID groupId) {
}
