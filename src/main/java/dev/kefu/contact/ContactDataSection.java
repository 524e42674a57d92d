package dev.kefu.contact;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * One module's part of a contact's data export (GDPR/PIPL access request): the module that keeps the rows implements
 * it, so the contact module gathers every part without depending on the modules (they depend on it).
 */
public interface ContactDataSection {

	/** The section's name in the export's JSON, e.g. {@code conversations}. */
	String name();

	/**
	 * Everything the module keeps about the contacts (the contact and the tombstones merged into it), as a value
	 * Jackson writes; files (attachments) are added to {@code files} and referred to by the path it returns.
	 */
	Object export(UUID organizationId, List<UUID> contactIds, Files files);

	/** The export's files: each is copied into the zip below {@code files/}. */
	interface Files {

		/** Adds a file and answers its path inside the zip. */
		String add(String name, Opener content);
	}

	/** Opens a file's bytes when the zip is written. */
	@FunctionalInterface
	interface Opener {

		InputStream open() throws IOException;
	}
}
