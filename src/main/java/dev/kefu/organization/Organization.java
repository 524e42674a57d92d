package dev.kefu.organization;

import java.time.ZoneId;
import java.util.UUID;

/** A tenant: one company running its service desk on this Kefu installation. */
public record Organization(UUID id, String slug, String name, ZoneId timeZone) {
}
