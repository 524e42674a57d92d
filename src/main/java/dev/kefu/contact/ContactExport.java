package dev.kefu.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.StaffCaller;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contact's data as one zip (right of access, portability): {@code contact.json} with the profile and every
 * module's {@link ContactDataSection}, and the files those name below {@code files/}. Audited by contact id.
 */
@Service
class ContactExport {

	static final String EXPORTED = "contact.exported";

	private static final Logger log = LoggerFactory.getLogger(ContactExport.class);

	/** The JSON and the files, gathered before anything is written. */
	record Prepared(UUID contactId, byte[] json, List<File> files) {
	}

	record File(String path, ContactDataSection.Opener content) {
	}

	private final Contacts contacts;
	private final LegalHolds holds;
	private final List<ContactDataSection> sections;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditLog audit;
	private final Clock clock;

	ContactExport(Contacts contacts, LegalHolds holds, List<ContactDataSection> sections, JdbcClient jdbc,
			JsonMapper json, AuditLog audit, Clock clock) {
		this.contacts = contacts;
		this.holds = holds;
		this.sections = sections;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	Prepared prepare(StaffCaller caller, UUID contactId, @Nullable String sourceAddress) {
		DataRights.requireExport(caller);
		Contact contact = contacts.require(caller.organizationId(), contactId);
		List<Contact> merged = jdbc.sql("SELECT * FROM contact WHERE organization_id = ? AND merged_into = ?")
			.params(caller.organizationId(), contact.id())
			.query(contacts::map)
			.list();
		List<UUID> ids = new ArrayList<>();
		ids.add(contact.id());
		merged.forEach(m -> ids.add(m.id()));
		List<File> files = new ArrayList<>();
		ContactDataSection.Files collector = (name, content) -> {
			String path = "files/" + (files.size() + 1) + "-" + safe(name);
			files.add(new File(path, content));
			return path;
		};
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("exportedAt", clock.instant());
		document.put("organizationId", caller.organizationId());
		document.put("contact", contact);
		document.put("mergedContacts", merged);
		holds.of(caller.organizationId(), contact.id()).ifPresent(hold -> document.put("legalHold", hold));
		for (ContactDataSection section : sections) {
			document.put(section.name(), section.export(caller.organizationId(), List.copyOf(ids), collector));
		}
		byte[] bytes = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsBytes(document);
		audit.record(caller, EXPORTED, "contact:" + contact.id(), files.size() + " files", sourceAddress);
		return new Prepared(contact.id(), bytes, files);
	}

	/** Writes the zip; a file whose bytes are gone (another node's folder) is noted in its place, not fatal. */
	static void write(Prepared prepared, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("contact.json"));
			zip.write(prepared.json());
			zip.closeEntry();
			for (File file : prepared.files()) {
				zip.putNextEntry(new ZipEntry(file.path()));
				try (InputStream content = file.content().open()) {
					content.transferTo(zip);
				}
				catch (IOException e) {
					log.warn("Export of contact {}: {} could not be read: {}", prepared.contactId(), file.path(),
							e.toString());
				}
				zip.closeEntry();
			}
		}
	}

	private static String safe(String name) {
		String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
		return cleaned.length() > 100 ? cleaned.substring(cleaned.length() - 100) : cleaned;
	}
}
