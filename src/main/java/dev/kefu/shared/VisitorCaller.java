package dev.kefu.shared;

import java.util.UUID;

/**
 * A website visitor identified by a signed visitor token: one contact of one organization. {@code verified} when the
 * host site vouched for the customer (verified identity) as the token was issued.
 */
public record VisitorCaller(UUID organizationId, UUID contactId, boolean verified) {
}
