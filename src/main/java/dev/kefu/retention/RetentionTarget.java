package dev.kefu.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * One kind of data the retention job ages out, implemented by the module that owns its tables: it alone knows its
 * rows, and it skips the contacts under legal hold (see {@code dev.kefu.contact.LegalHolds}). Both methods count
 * only rows not yet deleted or anonymized, so a repeated run, or a dry run after a real one, finds nothing more.
 */
public interface RetentionTarget {

	RetentionKind kind();

	/** How many rows {@link #apply} would handle: the dry run. Changes nothing. */
	long count(UUID organizationId, Instant before);

	/**
	 * Deletes or anonymizes at most {@code batch} rows older than {@code before}, in a transaction of its own, so a
	 * large backlog is worked through in short transactions. Answers how many it handled; fewer than {@code batch}
	 * means none are left.
	 */
	int apply(UUID organizationId, Instant before, RetentionMode mode, int batch);
}
