package dev.kefu.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.shared.AfterCommit;
import dev.kefu.storage.FileStorage;

/**
 * Deletes every row of one organization, in one transaction, then its files. It reads the schema rather than asking
 * each module (docs/decisions/0013-tenant-deletion.md): a table added next year is purged without anyone
 * remembering to, and a test walks the schema to keep it so.
 * <ul>
 * <li>Every table with an {@code organization_id} column loses that organization's rows. The order that foreign keys
 * need is found by trying: a delete that a reference still blocks is undone (a savepoint) and tried again in the next
 * round, until a round deletes nothing more.</li>
 * <li>A table without the column whose foreign key points at such a table (a group's members, a rubric's items) loses
 * the rows that point at the organization's rows, before those go.</li>
 * <li>{@link #KEYED_WITHOUT_REFERENCE}: the few tables that hold another table's id with no foreign key.</li>
 * </ul>
 */
@Component
class OrganizationPurge {

	private static final Logger log = LoggerFactory.getLogger(OrganizationPurge.class);

	/** A column holding the id of a row of a table that has organization_id. */
	record Link(String table, String column, String parentTable, String parentColumn) {
	}

	/** Tables that name a staff member's or a channel's id without a foreign key, so the schema cannot tell. */
	static final List<Link> KEYED_WITHOUT_REFERENCE = List.of(
			new Link("staff_recovery_code", "staff_id", "staff_member", "id"),
			new Link("wechat_access_token", "channel_id", "channel", "id"),
			new Link("wecom_kf_sync", "channel_id", "channel", "id"),
			new Link("wecom_kf_token", "channel_id", "channel", "id"),
			new Link("wecom_kf_welcome", "channel_id", "channel", "id"));

	/** Stored files, by area, and the table and column that hold their keys. */
	private record Files(String area, String table, String keyColumn) {
	}

	private static final List<Files> FILES = List.of(new Files("attachments", "attachment", "storage_key"),
			new Files("kb-images", "kb_image", "id"));

	private final JdbcClient jdbc;
	private final FileStorage storage;
	private final TransactionTemplate savepoint;

	OrganizationPurge(JdbcClient jdbc, FileStorage storage, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** The tables of the schema with an organization_id column (the organization table itself has none). */
	List<String> tablesWithOrganization() {
		return jdbc.sql("""
				SELECT c.table_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = CURRENT_SCHEMA AND LOWER(c.column_name) = 'organization_id'
				  AND t.table_type = 'BASE TABLE'
				ORDER BY c.table_name""")
			.query(String.class)
			.list()
			.stream()
			.map(String::toLowerCase)
			.toList();
	}

	/** Single-column foreign keys from a table without organization_id to one with it. */
	List<Link> references(List<String> organizationTables) {
		List<Link> links = jdbc.sql("""
				SELECT fk.table_name AS child_table, fk.column_name AS child_column,
				       pk.table_name AS parent_table, pk.column_name AS parent_column
				FROM information_schema.referential_constraints rc
				JOIN information_schema.key_column_usage fk
				  ON fk.constraint_schema = rc.constraint_schema AND fk.constraint_name = rc.constraint_name
				JOIN information_schema.key_column_usage pk
				  ON pk.constraint_schema = rc.unique_constraint_schema AND pk.constraint_name = rc.unique_constraint_name
				 AND pk.ordinal_position = fk.position_in_unique_constraint
				WHERE rc.constraint_schema = CURRENT_SCHEMA""")
			.query((rs, n) -> new Link(rs.getString("child_table").toLowerCase(),
					rs.getString("child_column").toLowerCase(), rs.getString("parent_table").toLowerCase(),
					rs.getString("parent_column").toLowerCase()))
			.list();
		Set<Link> wanted = new LinkedHashSet<>();
		for (Link link : links) {
			if (!organizationTables.contains(link.table()) && organizationTables.contains(link.parentTable())) {
				wanted.add(link);
			}
		}
		for (Link link : KEYED_WITHOUT_REFERENCE) {
			if (organizationTables.contains(link.parentTable())) {
				wanted.add(link);
			}
		}
		return List.copyOf(wanted);
	}

	/** Deletes the organization and everything of it; its files go once the rows are gone for good. */
	@Transactional
	void purge(UUID organizationId) {
		List<String> tables = tablesWithOrganization();
		List<String> fileKeys = new ArrayList<>();
		List<Runnable> fileDeletes = new ArrayList<>();
		for (Files files : FILES) {
			if (tables.contains(files.table())) {
				List<String> keys = jdbc
					.sql("SELECT " + files.keyColumn() + " FROM " + files.table() + " WHERE organization_id = ?")
					.param(organizationId)
					.query((rs, n) -> rs.getString(1))
					.list();
				fileKeys.addAll(keys);
				fileDeletes.add(() -> delete(files.area(), keys));
			}
		}
		for (Link link : references(tables)) {
			jdbc.sql("DELETE FROM " + link.table() + " WHERE " + link.column() + " IN (SELECT " + link.parentColumn()
					+ " FROM " + link.parentTable() + " WHERE organization_id = ?)")
				.param(organizationId)
				.update();
		}
		List<String> left = new ArrayList<>(tables);
		while (!left.isEmpty()) {
			List<String> blocked = new ArrayList<>();
			for (String table : left) {
				if (!deleted(table, organizationId)) {
					blocked.add(table);
				}
			}
			if (blocked.size() == left.size()) {
				throw new IllegalStateException("cannot delete the rows of organization " + organizationId + " from "
						+ blocked + ": something outside them refers to them");
			}
			left = blocked;
		}
		jdbc.sql("DELETE FROM organization WHERE id = ?").param(organizationId).update();
		AfterCommit.run(() -> fileDeletes.forEach(Runnable::run));
		log.info("Deleted organization {}: {} tables, {} files", organizationId, tables.size(), fileKeys.size());
	}

	/** One table's rows of the organization, in a savepoint: false, and nothing changed, when a reference blocks it. */
	private boolean deleted(String table, UUID organizationId) {
		try {
			savepoint.executeWithoutResult(status -> jdbc.sql("DELETE FROM " + table + " WHERE organization_id = ?")
				.param(organizationId)
				.update());
			return true;
		}
		catch (DataIntegrityViolationException referencedStill) {
			return false;
		}
	}

	/** A file that cannot be deleted now is only disk space: nothing refers to it any more. */
	private void delete(String area, List<String> keys) {
		for (String key : keys) {
			try {
				storage.area(area).delete(key);
			}
			catch (IOException | RuntimeException e) {
				log.warn("File {}/{} of a deleted organization was left behind: {}", area, key, e.toString());
			}
		}
	}
}
