package dev.kefu.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** What the automatic inspection found, newest first: inspectors see everyone's, agents their own. */
@RestController
class FindingController {

	private final QualityDesk desk;

	FindingController(QualityDesk desk) {
		this.desk = desk;
	}

	/** A finding; {@code messageId} and {@code seq} are absent when it is about the whole conversation. */
	record FindingView(UUID id, UUID conversationId, UUID agentId, String rule, @Nullable UUID messageId,
			@Nullable Long seq, String detail, Instant foundAt) {

		static FindingView of(Finding finding) {
			return new FindingView(finding.id(), finding.conversationId(), finding.agentId(), finding.rule(),
					finding.messageId(), finding.seq(), finding.detail(), finding.foundAt());
		}

		static List<FindingView> of(List<Finding> findings) {
			return findings.stream().map(FindingView::of).toList();
		}
	}

	@GetMapping("/api/v1/quality/findings")
	List<FindingView> list(@AuthenticationPrincipal StaffCaller caller, @RequestParam(required = false) UUID agentId,
			@RequestParam(required = false) String rule, @RequestParam(defaultValue = "100") int limit) {
		return FindingView.of(desk.findings(caller, agentId, rule, Math.min(Math.max(limit, 1), 500)));
	}
}
