package dev.kefu.security;

import java.util.UUID;

/**
 * What a staff member's tokens allow has changed: one was revoked (logout), all were (new password), or the account
 * was disabled or given other roles. Open live connections must check their token again.
 */
public record StaffAccessChanged(UUID organizationId, UUID staffId) {
}
