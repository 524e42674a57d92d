package dev.kefu.tagging;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/**
 * The organization's tags, kept by admins. Agents choose from this list only (no free tags), so reports split by a
 * short, agreed set. A tag is archived rather than deleted: the chats and reports that carry it keep its name.
 */
@Repository
class TagCatalogue {

	static final String DEFAULT_COLOUR = "#64748b";

	/** Line breaks, tabs and other control characters, which no name needs. */
	static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final JdbcClient jdbc;
	private final Clock clock;

	TagCatalogue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every tag, archived ones too, by name. */
	List<Tag> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM tag WHERE organization_id = ? ORDER BY name")
			.param(organizationId)
			.query((rs, n) -> new Tag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("colour"),
					rs.getBoolean("archived")))
			.list();
	}

	/** The tags agents may apply. */
	List<Tag> active(UUID organizationId) {
		return all(organizationId).stream().filter(t -> !t.archived()).toList();
	}

	Tag require(UUID organizationId, UUID tagId) {
		return all(organizationId).stream()
			.filter(t -> t.id().equals(tagId))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("tag", tagId));
	}

	/** A tag an agent may apply now; an unknown or archived one is bad input, not a missing page. */
	Tag applicable(UUID organizationId, UUID tagId) {
		return active(organizationId).stream()
			.filter(t -> t.id().equals(tagId))
			.findFirst()
			.orElseThrow(() -> new RequestRejected("unknown-tag", "tag " + tagId + " is not in the tag list"));
	}

	@Transactional
	Tag create(UUID organizationId, @Nullable String name, @Nullable String colour) {
		String cleanName = name(name);
		requireUnique(organizationId, null, cleanName);
		Tag tag = new Tag(Ids.newId(), cleanName, colour(colour), false);
		jdbc.sql("INSERT INTO tag (id, organization_id, name, colour, archived, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(tag.id(), organizationId, tag.name(), tag.colour(), false, SqlTime.of(clock.instant()))
			.update();
		return tag;
	}

	/** Renames or recolours a tag; an archived one may come back ({@code archived} false). */
	@Transactional
	Tag update(UUID organizationId, UUID tagId, @Nullable String name, @Nullable String colour, boolean archived) {
		require(organizationId, tagId);
		String cleanName = name(name);
		requireUnique(organizationId, tagId, cleanName);
		jdbc.sql("UPDATE tag SET name = ?, colour = ?, archived = ? WHERE id = ? AND organization_id = ?")
			.params(cleanName, colour(colour), archived, tagId, organizationId)
			.update();
		return require(organizationId, tagId);
	}

	void archive(UUID organizationId, UUID tagId) {
		require(organizationId, tagId);
		jdbc.sql("UPDATE tag SET archived = TRUE WHERE id = ? AND organization_id = ?").params(tagId, organizationId).update();
	}

	private void requireUnique(UUID organizationId, @Nullable UUID self, String name) {
		boolean taken = all(organizationId).stream()
			.anyMatch(t -> !t.id().equals(self) && t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
		if (taken) {
			throw new StateConflict("tag-exists", "a tag named " + name + " exists already");
		}
	}

	private static String name(@Nullable String name) {
		String clean = name == null ? "" : name.strip();
		// One line: a name shows in chips, filters and report columns, where a line break or bell is garbage.
		if (clean.isEmpty() || clean.length() > 40 || CONTROL.matcher(clean).find()) {
			throw new RequestRejected("invalid-tag-name", "a tag's name must be 1-40 characters on one line");
		}
		return clean;
	}

	private static String colour(@Nullable String colour) {
		if (colour == null || colour.isBlank()) {
			return DEFAULT_COLOUR;
		}
		if (!colour.matches("#[0-9a-fA-F]{6}")) {
			throw new RequestRejected("invalid-colour", "colour must be like #1f8a70");
		}
		return colour.toLowerCase(Locale.ROOT);
	}
}
