package dev.kefu.contact;

import java.util.List;
import java.util.UUID;

/**
 * One part of a contact's history kept by another module (its conversations, the messages it left), shown on the
 * contact's page. The modules that keep them implement this, so the contact module lists them without depending on
 * them (they depend on it).
 */
public interface ContactHistory {

	/** The part's name in the history answer, e.g. {@code conversations}. */
	String part();

	/** The contact's newest entries of this part, newest first, at most {@code limit}. */
	List<?> of(UUID organizationId, UUID contactId, int limit);
}
