package dev.kefu.quality;

import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;

/**
 * Who does what in quality, by permission: {@code qa.review} reviews conversations (QA inspectors, supervisors,
 * admins), {@code qa.rubrics} keeps the rubrics (inspectors, admins), {@code qa.appeals} decides appeals (supervisors,
 * admins) and {@code settings.manage} sets the inspection settings (admins). Agents see their own reviews and
 * findings.
 */
final class QualityRoles {

	private QualityRoles() {
	}

	static boolean inspects(StaffCaller caller) {
		return caller.may(Permission.QA_REVIEW);
	}

	static void requireInspector(StaffCaller caller) {
		caller.require(Permission.QA_REVIEW);
	}

	static void requireRubricEditor(StaffCaller caller) {
		caller.require(Permission.QA_RUBRICS);
	}

	static void requireAppealJudge(StaffCaller caller) {
		caller.require(Permission.QA_APPEALS);
	}

	static void requireAdmin(StaffCaller caller) {
		caller.require(Permission.SETTINGS_MANAGE);
	}
}
