package dev.kefu.storage;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The single-node default: each area is a folder in this node's data folder. */
@Component
class FileSystemStorage implements FileStoreFactory {

	static final String ID = "filesystem";

	private final Path dataDir;

	FileSystemStorage(@Value("${kefu.data-dir}") Path dataDir) {
		this.dataDir = dataDir;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public FileSystemFileStore create(String area) {
		return new FileSystemFileStore(dataDir.resolve(area));
	}
}
