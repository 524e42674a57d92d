package dev.kefu.notification;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.Groups;
import dev.kefu.shared.StaffCaller;

/**
 * A group's e-mail alert for messages left while nobody is online, in the admin console's group settings.
 * {@code agentAddresses} is who gets it when the admin lists no addresses of their own.
 */
@RestController
class GroupAlertController {

	private final GroupAlerts alerts;
	private final LeftMessageAlerts sender;
	private final Groups groups;
	private final SystemMail mail;
	private final MailOutbox outbox;
	private final AuditLog audit;

	GroupAlertController(GroupAlerts alerts, LeftMessageAlerts sender, Groups groups, SystemMail mail,
			MailOutbox outbox, AuditLog audit) {
		this.audit = audit;
		this.alerts = alerts;
		this.sender = sender;
		this.groups = groups;
		this.mail = mail;
		this.outbox = outbox;
	}

	record AlertSetting(boolean enabled, @Nullable List<String> recipients, @Nullable String language) {
	}

	/** {@code latest}: how the group's latest alert mails went (sent, retrying, failed and why). */
	record AlertView(boolean enabled, List<String> recipients, String language, boolean configured,
			List<String> agentAddresses, List<MailState> latest) {
	}

	@GetMapping("/api/v1/admin/groups/{groupId}/mail-alerts")
	AlertView get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId) {
		groups.require(caller.organizationId(), groupId);
		return view(caller.organizationId(), groupId, alerts.of(caller.organizationId(), groupId));
	}

	@PutMapping("/api/v1/admin/groups/{groupId}/mail-alerts")
	@Transactional
	AlertView put(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId,
			@RequestBody AlertSetting request) {
		groups.require(caller.organizationId(), groupId);
		GroupAlerts.Setting setting = new GroupAlerts.Setting(request.enabled(),
				request.recipients() == null ? List.of() : request.recipients(), request.language());
		GroupAlerts.Setting before = alerts.of(caller.organizationId(), groupId);
		alerts.save(caller.organizationId(), groupId, setting);
		audit.entry(caller, "mail-alerts.changed").target("group:" + groupId).changed(before, setting).record();
		return view(caller.organizationId(), groupId, setting);
	}

	private AlertView view(UUID organizationId, UUID groupId, GroupAlerts.Setting setting) {
		return new AlertView(setting.enabled(), setting.recipients(), setting.language(), mail.configured(),
				sender.recipients(organizationId, groupId, GroupAlerts.Setting.OFF),
				outbox.latest(organizationId, LeftMessageAlerts.keyPrefix(groupId), 10));
	}
}
