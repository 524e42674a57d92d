package dev.kefu.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * One area of stored files (attachments, article pictures), addressed by keys the owning module chooses. Files are
 * written once, then read, until they are deleted.
 */
public interface FileStore {

	/**
	 * Stores everything {@code content} yields under {@code key}. All or nothing: when reading {@code content} fails
	 * (an exception from the stream, such as a size limit), nothing is left behind and the exception propagates.
	 */
	void put(String key, InputStream content) throws IOException;

	/**
	 * The file's bytes, read as they are consumed.
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under {@code key}
	 */
	InputStream open(String key) throws IOException;

	/**
	 * Removes the file's bytes (a contact's erasure, the retention job); nothing stored under {@code key} is not an
	 * error, so a delete that is repeated after a crash changes nothing.
	 */
	void delete(String key) throws IOException;
}
