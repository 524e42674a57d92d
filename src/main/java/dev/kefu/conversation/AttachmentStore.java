package dev.kefu.conversation;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachment bytes live. The default keeps them in the data folder; an object store (S3, MinIO, OSS) plugs in
 * by providing another bean of this type.
 */
public interface AttachmentStore {

	void put(String key, InputStream content) throws IOException;

	InputStream open(String key) throws IOException;
}
