package dev.kefu.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The organization's audit trail for admins (/api/v1/admin/** is for admins only), newest first, filtered by
 * {@link AuditFilter}; as CSV for Excel (UTF-8 with a byte-order mark, cells that a spreadsheet would run as a formula
 * quoted); and how long it is kept. Downloading it is itself audited.
 */
@RestController
class AuditController {

	/** An export holds at most this many entries; narrow the filter for more. */
	static final int CSV_LIMIT = 100_000;

	private final AuditEntries entries;
	private final AuditLog log;
	private final AuditRetention retention;

	AuditController(AuditEntries entries, AuditLog log, AuditRetention retention) {
		this.entries = entries;
		this.log = log;
		this.retention = retention;
	}

	record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
	}

	@Schema(name = "AuditRetentionChange")
	record RetentionChange(@NotNull Integer retentionDays) {
	}

	@GetMapping(path = "/api/v1/admin/audit", params = "!format")
	AuditPage audit(@AuthenticationPrincipal StaffCaller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String q) {
		if (page < 0 || size < 1 || size > 200) {
			throw new RequestRejected("invalid-page", "page must be 0 or more and size 1 to 200");
		}
		AuditFilter filter = AuditFilter.of(from, to, actor, action, q);
		return new AuditPage(entries.page(caller.organizationId(), filter, page, size), page, size,
				entries.count(caller.organizationId(), filter));
	}

	/** The same filters as the JSON list; also at {@code /api/v1/admin/audit?format=csv}. */
	@GetMapping({ "/api/v1/admin/audit.csv", "/api/v1/admin/audit" })
	@Transactional
	void csv(@AuthenticationPrincipal StaffCaller caller, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String q,
			HttpServletResponse response) throws IOException {
		if (!format.equals("csv")) {
			throw new RequestRejected("invalid-format", "format is csv, or leave it out for JSON");
		}
		AuditFilter filter = AuditFilter.of(from, to, actor, action, q);
		AtomicInteger rows = new AtomicInteger();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
		OutputStream out = response.getOutputStream();
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(AuditCsv.HEADER);
		try {
			entries.each(caller.organizationId(), filter, CSV_LIMIT, entry -> {
				try {
					writer.write(AuditCsv.row(entry));
					rows.incrementAndGet();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		log.entry(caller, "audit.exported")
			.target("audit-log")
			.detail(rows.get() + " entries" + describe(filter))
			.record();
		writer.flush();
	}

	@GetMapping("/api/v1/admin/audit/settings")
	AuditRetention.Settings settings(@AuthenticationPrincipal StaffCaller caller) {
		return retention.settings(caller.organizationId());
	}

	@PutMapping("/api/v1/admin/audit/settings")
	AuditRetention.Settings change(@AuthenticationPrincipal StaffCaller caller,
			@jakarta.validation.Valid @RequestBody RetentionChange change) {
		return retention.change(caller, change.retentionDays());
	}

	private static String describe(AuditFilter filter) {
		StringBuilder text = new StringBuilder();
		if (filter.from() != null) {
			text.append(" from ").append(filter.from());
		}
		if (filter.to() != null) {
			text.append(" to ").append(filter.to());
		}
		if (filter.actorId() != null || filter.actorName() != null) {
			text.append(" actor ").append(filter.actorId() != null ? filter.actorId() : filter.actorName());
		}
		if (filter.actionPrefix() != null) {
			text.append(" action ").append(filter.actionPrefix());
		}
		if (filter.text() != null) {
			text.append(" q ").append(filter.text());
		}
		return text.toString();
	}
}
