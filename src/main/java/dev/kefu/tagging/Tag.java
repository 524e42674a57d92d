package dev.kefu.tagging;

import java.util.UUID;

/** A tag of the organization's catalogue; {@code colour} is {@code #rrggbb}. Archived tags are offered no more. */
public record Tag(UUID id, String name, String colour, boolean archived) {
}
