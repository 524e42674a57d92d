package dev.kefu.tagging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.Groups;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/**
 * The organization's disposition codes, at most two levels deep, the groups that require one at close, and the code
 * each closed conversation was given. Codes are archived rather than deleted, so reports keep their names.
 */
@Repository
class DispositionCodes {

	private final JdbcClient jdbc;
	private final Groups groups;
	private final Clock clock;

	DispositionCodes(JdbcClient jdbc, Groups groups, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.clock = clock;
	}

	private record Row(UUID id, @Nullable UUID parentId, String name, boolean archived) {
	}

	/** Every code, archived ones too: categories first by name, each followed by its sub-codes. */
	List<Disposition> all(UUID organizationId) {
		List<Row> rows = jdbc.sql("SELECT * FROM disposition WHERE organization_id = ? ORDER BY name")
			.param(organizationId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					rs.getString("name"), rs.getBoolean("archived")))
			.list();
		Map<UUID, Row> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		List<Disposition> ordered = new ArrayList<>();
		for (Row top : rows) {
			if (top.parentId() != null) {
				continue;
			}
			List<Row> children = rows.stream().filter(r -> top.id().equals(r.parentId())).toList();
			boolean leaf = children.stream().allMatch(Row::archived);
			ordered.add(new Disposition(top.id(), null, top.name(), top.name(), top.archived(), leaf && !top.archived()));
			for (Row child : children) {
				boolean archived = child.archived() || top.archived();
				ordered.add(new Disposition(child.id(), top.id(), child.name(), top.name() + " > " + child.name(), archived,
						!archived));
			}
		}
		return ordered;
	}

	/** The codes an agent may see in the picker: not archived. */
	List<Disposition> active(UUID organizationId) {
		return all(organizationId).stream().filter(d -> !d.archived()).toList();
	}

	Disposition require(UUID organizationId, UUID id) {
		return find(organizationId, id).orElseThrow(() -> new ResourceNotFound("disposition", id));
	}

	Optional<Disposition> find(UUID organizationId, UUID id) {
		return all(organizationId).stream().filter(d -> d.id().equals(id)).findFirst();
	}

	@Transactional
	Disposition create(UUID organizationId, @Nullable String name, @Nullable UUID parentId) {
		String clean = name(name);
		validParent(organizationId, null, parentId);
		requireUnique(organizationId, null, parentId, clean);
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO disposition (id, organization_id, parent_id, name, archived, created_at)
				VALUES (?, ?, ?, ?, FALSE, ?)""")
			.params(id, organizationId, parentId, clean, SqlTime.of(clock.instant()))
			.update();
		return require(organizationId, id);
	}

	@Transactional
	Disposition update(UUID organizationId, UUID id, @Nullable String name, @Nullable UUID parentId,
			boolean archived) {
		require(organizationId, id);
		String clean = name(name);
		validParent(organizationId, id, parentId);
		requireUnique(organizationId, id, parentId, clean);
		jdbc.sql("UPDATE disposition SET name = ?, parent_id = ?, archived = ? WHERE id = ? AND organization_id = ?")
			.params(clean, parentId, archived, id, organizationId)
			.update();
		return require(organizationId, id);
	}

	/** Archives a code; a category takes its sub-codes with it. */
	@Transactional
	void archive(UUID organizationId, UUID id) {
		require(organizationId, id);
		jdbc.sql("UPDATE disposition SET archived = TRUE WHERE organization_id = ? AND (id = ? OR parent_id = ?)")
			.params(organizationId, id, id)
			.update();
	}

	/** The groups whose agents must give a disposition when they close a chat. */
	Set<UUID> requiredGroups(UUID organizationId) {
		return new LinkedHashSet<>(jdbc.sql("SELECT group_id FROM disposition_required_group WHERE organization_id = ?")
			.param(organizationId)
			.query(UUID.class)
			.list());
	}

	@Transactional
	Set<UUID> requireIn(UUID organizationId, Collection<UUID> groupIds) {
		for (UUID groupId : groupIds) {
			if (groups.find(organizationId, groupId).isEmpty()) {
				throw new RequestRejected("unknown-group", "group " + groupId + " is not in this organization");
			}
		}
		jdbc.sql("DELETE FROM disposition_required_group WHERE organization_id = ?").param(organizationId).update();
		for (UUID groupId : new LinkedHashSet<>(groupIds)) {
			jdbc.sql("INSERT INTO disposition_required_group (group_id, organization_id) VALUES (?, ?)")
				.params(groupId, organizationId)
				.update();
		}
		return requiredGroups(organizationId);
	}

	boolean required(UUID organizationId, UUID groupId) {
		return jdbc.sql("SELECT COUNT(*) FROM disposition_required_group WHERE organization_id = ? AND group_id = ?")
			.params(organizationId, groupId)
			.query(Long.class)
			.single() > 0;
	}

	/** Records the code a conversation was closed with; the close may be decided again (a race), so it replaces. */
	void record(UUID organizationId, UUID conversationId, UUID dispositionId, UUID by) {
		jdbc.sql("DELETE FROM conversation_disposition WHERE conversation_id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.update();
		jdbc.sql("""
				INSERT INTO conversation_disposition (conversation_id, organization_id, disposition_id, set_by, set_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(conversationId, organizationId, dispositionId, by, SqlTime.of(clock.instant()))
			.update();
	}

	Optional<UUID> of(UUID organizationId, UUID conversationId) {
		return jdbc.sql("SELECT disposition_id FROM conversation_disposition WHERE conversation_id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.query(UUID.class)
			.optional();
	}

	/** Two levels at most: a parent is an existing top-level code, never the code itself or one with sub-codes. */
	private void validParent(UUID organizationId, @Nullable UUID self, @Nullable UUID parentId) {
		if (parentId == null) {
			return;
		}
		Disposition parent = find(organizationId, parentId)
			.orElseThrow(() -> new RequestRejected("invalid-parent", "parent " + parentId + " is not a disposition code"));
		boolean hasChildren = self != null && all(organizationId).stream().anyMatch(d -> self.equals(d.parentId()));
		if (parent.parentId() != null || parentId.equals(self) || hasChildren) {
			throw new RequestRejected("invalid-parent", "disposition codes have two levels at most");
		}
	}

	private void requireUnique(UUID organizationId, @Nullable UUID self, @Nullable UUID parentId, String name) {
		boolean taken = all(organizationId).stream()
			.anyMatch(d -> !d.id().equals(self) && Objects.equals(d.parentId(), parentId)
					&& d.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
		if (taken) {
			throw new StateConflict("disposition-exists", "a disposition code named " + name + " exists already here");
		}
	}

	private static String name(@Nullable String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 60 || clean.contains(">")
				|| TagCatalogue.CONTROL.matcher(clean).find()) {
			throw new RequestRejected("invalid-disposition-name",
					"a disposition code's name must be 1-60 characters on one line, without '>'");
		}
		return clean;
	}
}
