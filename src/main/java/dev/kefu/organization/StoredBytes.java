package dev.kefu.organization;

import java.util.UUID;

/**
 * What an organization keeps in file storage, told by the module that keeps it (conversation's attachments), so that
 * its storage limit can be shown against what it uses without anyone reading another module's tables.
 */
public interface StoredBytes {

	long of(UUID organizationId);
}
