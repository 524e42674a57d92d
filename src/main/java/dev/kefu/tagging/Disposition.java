package dev.kefu.tagging;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A disposition code: a top-level category ({@code parentId} null) or one below it. {@code label} names it with its
 * parent ("咨询 > 物流"). Only a code without sub-codes is {@code choosable} at close: a category with sub-codes is
 * too broad to report on.
 */
public record Disposition(UUID id, @Nullable UUID parentId, String name, String label, boolean archived,
		boolean choosable) {
}
