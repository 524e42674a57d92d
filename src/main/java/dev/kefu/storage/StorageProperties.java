package dev.kefu.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.storage.type}: {@code filesystem} keeps files in this node's data folder (one node), {@code database}
 * keeps them in the database every node shares (a cluster).
 */
@ConfigurationProperties("kefu.storage")
record StorageProperties(@DefaultValue("filesystem") String type) {
}
