package dev.kefu.quality;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/**
 * Who does what in quality: QA inspectors (and supervisors and admins) review conversations, inspectors and admins
 * keep the rubrics, supervisors and admins decide appeals, admins set the inspection settings. Agents see their own
 * reviews and findings.
 */
final class QualityRoles {

	private QualityRoles() {
	}

	static boolean inspects(StaffCaller caller) {
		return caller.has(Role.QA_INSPECTOR) || caller.supervises();
	}

	static void requireInspector(StaffCaller caller) {
		if (!inspects(caller)) {
			throw new AccessDenied("only QA inspectors, supervisors and admins review conversations");
		}
	}

	static void requireRubricEditor(StaffCaller caller) {
		if (!caller.has(Role.QA_INSPECTOR) && !caller.has(Role.ADMIN)) {
			throw new AccessDenied("only QA inspectors and admins edit rubrics");
		}
	}

	static void requireAppealJudge(StaffCaller caller) {
		if (!caller.supervises()) {
			throw new AccessDenied("only supervisors and admins decide appeals");
		}
	}

	static void requireAdmin(StaffCaller caller) {
		if (!caller.has(Role.ADMIN)) {
			throw new AccessDenied("only admins change the quality settings");
		}
	}
}
