package dev.kefu.shared;

import java.util.UUID;

/** A website visitor identified by a signed visitor token: one contact of one organization. */
public record VisitorCaller(UUID organizationId, UUID contactId) {
}
