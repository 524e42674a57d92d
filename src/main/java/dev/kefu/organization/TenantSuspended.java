package dev.kefu.organization;

import java.util.UUID;

/** An organization was suspended: its sessions and tokens stop working, its live connections must close. */
public record TenantSuspended(UUID organizationId) {
}
