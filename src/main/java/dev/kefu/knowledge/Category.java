package dev.kefu.knowledge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A node of an organization's category tree; {@code position} orders siblings. */
public record Category(UUID id, @Nullable UUID parentId, String name, int position) {
}
