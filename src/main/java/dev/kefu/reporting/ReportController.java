package dev.kefu.reporting;

import dev.kefu.audit.AuditLog;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;

/** KPI reports as JSON for the console's charts, or as CSV for a spreadsheet. */
@RestController
class ReportController {

	private final KpiReport report;
	private final StaffMembers staff;
	private final Organizations organizations;
	private final AuditLog audit;

	ReportController(KpiReport report, StaffMembers staff, Organizations organizations, AuditLog audit) {
		this.report = report;
		this.staff = staff;
		this.organizations = organizations;
		this.audit = audit;
	}

	/**
	 * KPIs for the days {@code from} to {@code to} (inclusive, in the organization's time zone; default the last 7
	 * days), bucketed by {@code period} and split by {@code by} (also {@code disposition} or {@code tag}), kept to one
	 * tag or disposition code by {@code tagId} / {@code dispositionId}. {@code format=csv} returns the rows as CSV.
	 */
	@GetMapping("/api/v1/reports/kpis")
	ResponseEntity<?> kpis(@AuthenticationPrincipal StaffCaller caller, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "day") String period,
			@RequestParam(defaultValue = "organization") String by,
			@RequestParam(required = false) @Nullable UUID centerId,
			@RequestParam(required = false) @Nullable UUID groupId,
			@RequestParam(required = false) @Nullable UUID agentId,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable UUID tagId,
			@RequestParam(required = false) @Nullable UUID dispositionId,
			@RequestParam(defaultValue = "json") String format) {
		// An admin (or an API token, which is nobody's staff account) sees the whole organization's figures.
		ReportScope scope = caller.reach(Permission.REPORT_READ).organization() ? new ReportScope(null, null)
				: ReportScope.of(caller, staff.require(caller.organizationId(), caller.userId()));
		ZoneId zone = organizations.require(caller.organizationId()).timeZone();
		LocalDate last = to == null ? LocalDate.now(zone) : date("to", to);
		LocalDate first = from == null ? last.minusDays(6) : date("from", from);
		KpiQuery query = new KpiQuery(first, last, KpiQuery.Period.of(period), KpiQuery.Dimension.of(by), centerId,
				scope.groupsFor(groupId), scope.agentFor(agentId), channel, tagId, dispositionId);
		KpiReport.Report result = report.run(caller.organizationId(), query);
		return switch (format) {
			case "json" -> ResponseEntity.ok(result);
			case "csv" -> exported(caller, "KPIs " + first + " to " + last + " by " + by, ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"kefu-kpis-" + first + "-" + last + "-" + by + ".csv\"")
				.body(csv(result)));
			default -> throw new RequestRejected("invalid-format", "format must be json or csv");
		};
	}

	/** A download leaves the building: who took which figures is audited; the JSON for the charts is not. */
	private <T> T exported(StaffCaller caller, String what, T response) {
		audit.record(caller, "report.exported", "report:kpis", what);
		return response;
	}

	private static LocalDate date(String name, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new RequestRejected("invalid-" + name, name + " must be a date like 2026-11-30");
		}
	}

	/** One line per row: period, key, label, then every figure in the order of {@link Kpis.Figures}. */
	static String csv(KpiReport.Report report) {
		RecordComponent[] figures = Kpis.Figures.class.getRecordComponents();
		List<String> header = new ArrayList<>(List.of("period", "key", "label"));
		for (RecordComponent figure : figures) {
			header.add(figure.getName());
		}
		StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", header)).append("\r\n");
		for (KpiReport.Row row : report.rows()) {
			List<String> cells = new ArrayList<>(List.of(row.period().toString(), row.key() == null ? "" : row.key(),
					quoted(row.label())));
			for (RecordComponent figure : figures) {
				cells.add(value(figure, row.figures()));
			}
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString();
	}

	private static String value(RecordComponent component, Kpis.Figures figures) {
		try {
			Object value = component.getAccessor().invoke(figures);
			return value == null ? "" : value.toString();
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
	private static String quoted(String text) {
		String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
		return safe.matches("(?s).*[\",\r\n].*") ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}
}
