package dev.kefu.organization;

import java.util.UUID;

/** A suspended organization is served again; its staff sign in anew (suspension ended their sessions). */
public record TenantResumed(UUID organizationId) {
}
