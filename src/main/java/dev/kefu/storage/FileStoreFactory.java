package dev.kefu.storage;

/**
 * A storage back end: a Spring bean that makes the {@link FileStore} of each area. {@link FileStorage} uses the one
 * whose {@link #id()} is {@code kefu.storage.type}; another back end (an object store, say) plugs in as one more
 * bean of this type.
 */
public interface FileStoreFactory {

	/** The value of {@code kefu.storage.type} that selects this back end. */
	String id();

	/** The store for one area; an area's files never collide with another's. */
	FileStore create(String area);
}
