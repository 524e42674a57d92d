package dev.kefu.organization;

import java.util.UUID;

/** A service center of a large department; groups belong to one. */
public record ServiceCenter(UUID id, UUID organizationId, String name) {
}
