package dev.kefu.contact;

import java.time.Instant;
import java.util.UUID;

/** A contact's data kept from the retention job and from erasure, by whom, since when and why. */
public record LegalHold(UUID contactId, String reason, UUID setBy, Instant setAt) {
}
