package dev.kefu.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Which contact a valid visitor token acts as now. A token names the contact it was issued for, but staff may since
 * have merged that contact into another; the contact module implements this so that such a token keeps working, as
 * the survivor. Lets security follow merges without depending on the contact module (which depends on it).
 */
public interface VisitorContacts {

	/**
	 * The contact to act as: the one named, the survivor it was merged into, or empty when the token may no longer
	 * act at all (an anonymous token whose contact was merged into one the host site vouches for).
	 */
	Optional<UUID> current(UUID organizationId, UUID contactId, boolean verifiedToken);
}
