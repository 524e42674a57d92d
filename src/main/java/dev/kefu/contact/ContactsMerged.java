package dev.kefu.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff merged contact {@code mergedId} into {@code survivorId}: each module that keeps rows by contact moves the
 * merged one's rows to the survivor in a durable listener of its own. The merged contact stays as a tombstone
 * naming the survivor, so {@link Contacts#find} and visitor tokens already reach the survivor.
 */
public record ContactsMerged(UUID organizationId, UUID survivorId, UUID mergedId, Instant at) {
}
