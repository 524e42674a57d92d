package dev.kefu.organization;

import java.util.UUID;

/** A staff member's password was replaced; sessions opened with the old one should end. */
public record StaffPasswordChanged(UUID organizationId, UUID staffId) {
}
