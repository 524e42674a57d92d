package dev.kefu.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Hands each module the store of its area, from the back end that {@code kefu.storage.type} names. */
@Service
@EnableConfigurationProperties(StorageProperties.class)
public class FileStorage {

	private final FileStoreFactory backEnd;
	private final Map<String, FileStore> areas = new ConcurrentHashMap<>();

	FileStorage(List<FileStoreFactory> backEnds, StorageProperties properties) {
		this.backEnd = backEnds.stream()
			.filter(f -> f.id().equals(properties.type()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("kefu.storage.type=" + properties.type()
					+ " is not a storage back end; known: " + backEnds.stream().map(FileStoreFactory::id).toList()));
	}

	/** The store of one area, e.g. {@code attachments}; the name is also its folder below the data folder. */
	public FileStore area(String name) {
		return areas.computeIfAbsent(name, backEnd::create);
	}
}
