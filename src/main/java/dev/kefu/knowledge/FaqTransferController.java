package dev.kefu.knowledge;

import dev.kefu.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.kefu.shared.StaffCaller;

/**
 * Bulk load and download of FAQ entries. The import answers with how many rows were loaded and, for every row
 * refused, its number and reason.
 */
@RestController
class FaqTransferController {

	private final FaqTransfer transfer;
	private final AuditLog audit;

	FaqTransferController(FaqTransfer transfer, AuditLog audit) {
		this.transfer = transfer;
		this.audit = audit;
	}

	private FaqTransfer.Report imported(StaffCaller caller, FaqTransfer.Report report, ArticleStatus status) {
		if (report.imported() > 0) {
			audit.record(caller, status == ArticleStatus.PUBLISHED ? "knowledge.published" : "knowledge.imported",
					"knowledge", report.imported() + " FAQ entries imported as " + status);
		}
		return report;
	}

	/** The file as the request body: text/csv or application/json. */
	@PostMapping(path = "/api/v1/knowledge/import", consumes = { "text/csv", "text/plain", MediaType.APPLICATION_JSON_VALUE })
	FaqTransfer.Report importBody(@AuthenticationPrincipal StaffCaller caller, @RequestBody String body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestParam(defaultValue = "DRAFT") ArticleStatus status) {
		return imported(caller, contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)
				? transfer.importJson(caller, body, status) : transfer.importCsv(caller, body, status), status);
	}

	/** The file uploaded from a form; a name ending in .json is read as JSON, anything else as CSV. */
	@PostMapping(path = "/api/v1/knowledge/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	FaqTransfer.Report importFile(@AuthenticationPrincipal StaffCaller caller, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "DRAFT") ArticleStatus status) throws IOException {
		String text = new String(file.getBytes(), StandardCharsets.UTF_8);
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		return imported(caller, name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
				? transfer.importJson(caller, text, status) : transfer.importCsv(caller, text, status), status);
	}

	@GetMapping(path = "/api/v1/knowledge/export", params = "format=csv")
	ResponseEntity<String> exportCsv(@AuthenticationPrincipal StaffCaller caller) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"faq.csv\"")
			.body(exported(caller, "csv", transfer.exportCsv(caller.organizationId())));
	}

	private <T> T exported(StaffCaller caller, String format, T export) {
		audit.record(caller, "knowledge.exported", "knowledge", "FAQ export (" + format + ")");
		return export;
	}

	@GetMapping(path = "/api/v1/knowledge/export")
	List<FaqTransfer.Entry> exportJson(@AuthenticationPrincipal StaffCaller caller) {
		return exported(caller, "json", transfer.export(caller.organizationId()));
	}
}
