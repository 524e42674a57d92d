package dev.kefu.organization;

import java.util.UUID;

/** A staff member's capacity, groups, roles or enabled flag changed. */
public record StaffMemberChanged(UUID organizationId, UUID staffId) {
}
