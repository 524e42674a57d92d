package dev.kefu.contact;

import java.time.Instant;
import java.util.UUID;

/** A contact's profile (name, e-mail, phone, attributes) was changed; published inside the changing transaction. */
public record ContactUpdated(UUID organizationId, UUID contactId, Instant at) {
}
