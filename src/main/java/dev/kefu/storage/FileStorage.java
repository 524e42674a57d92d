package dev.kefu.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Hands each module the store of its area, from the back end that {@code kefu.storage.type} names. */
@Service
@EnableConfigurationProperties(StorageProperties.class)
public class FileStorage {

	private static final Logger log = LoggerFactory.getLogger(FileStorage.class);

	private final FileStoreFactory backEnd;
	private final Map<String, FileStore> areas = new ConcurrentHashMap<>();

	FileStorage(List<FileStoreFactory> backEnds, StorageProperties properties,
			@Value("${kefu.cluster.redis-url:}") String clusterRelay) {
		this.backEnd = backEnds.stream()
			.filter(f -> f.id().equals(properties.type()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("kefu.storage.type=" + properties.type()
					+ " is not a storage back end; known: " + backEnds.stream().map(FileStoreFactory::id).toList()));
		// A cluster is configured node by node, so a node left on the default is easy to miss until a file 404s.
		if (!clusterRelay.isBlank() && backEnd.id().equals(FileSystemStorage.ID)) {
			log.warn("This node is part of a cluster (kefu.cluster.redis-url) but keeps files in its own data folder: "
					+ "other nodes cannot serve them. Set kefu.storage.type=database on every node.");
		}
	}

	/** The store of one area, e.g. {@code attachments}; the name is also its folder below the data folder. */
	public FileStore area(String name) {
		return areas.computeIfAbsent(name, backEnd::create);
	}
}
