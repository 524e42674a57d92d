package dev.kefu.conversation;

import java.util.UUID;

/** A file attached to a message, as shown to clients; {@code url} is signed and works without an auth header. */
public record AttachmentRef(UUID id, String name, String contentType, long size, String url) {
}
