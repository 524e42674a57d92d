package dev.kefu.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin erased a contact: its profile is already blanked, and each module that keeps rows about the contact erases
 * them in a durable listener of its own (message text becomes "[erased]", files are deleted, addresses and external
 * ids go), so a node that dies mid-way finishes when the event is replayed. {@code contactIds} are the contact and the
 * tombstones of contacts merged into it. Report facts, which hold no personal data, are kept.
 */
public record ContactErased(UUID organizationId, UUID contactId, List<UUID> contactIds, Instant at) {

	/** What erased text reads as, everywhere it is replaced. */
	public static final String MARKER = "[erased]";
}
