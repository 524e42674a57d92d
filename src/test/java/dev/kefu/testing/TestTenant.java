package dev.kefu.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.OfflinePolicy;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;

/**
 * A fresh organization for one test: a center, one group ("General") and agents in it, each with its own login.
 * Tests share application contexts and databases, so every test builds its own tenant.
 */
public record TestTenant(Organization organization, BusinessGroup group, List<Agent> agents, String adminUsername) {

	public static final String PASSWORD = "password-1";

	public record Agent(UUID id, String username, String name) {
	}

	public String slug() {
		return organization.slug();
	}

	public UUID id() {
		return organization.id();
	}

	public Agent agent(int index) {
		return agents.get(index);
	}

	/** Logs the agent in and returns the bearer token. */
	public String agentToken(Api api, int index) {
		return api.login(agent(index).username(), PASSWORD);
	}

	/** Logs the admin (also a supervisor) in and returns the bearer token. */
	public String adminToken(Api api) {
		return api.login(adminUsername, PASSWORD);
	}

	/**
	 * Another group of the same center, served by the given agents in addition to their groups so far. Visitors who
	 * name no group land in the first group by name, so name it after "General" unless that is what you want.
	 */
	public BusinessGroup addGroup(ApplicationContext context, String name, int queueLimit, Agent... members) {
		Groups groups = context.getBean(Groups.class);
		StaffMembers staff = context.getBean(StaffMembers.class);
		BusinessGroup added = groups.createGroup(id(), group.centerId(), name, queueLimit, OfflinePolicy.KEEP,
				Duration.ZERO);
		for (Agent member : members) {
			StaffMember current = staff.require(id(), member.id());
			List<UUID> groupIds = new ArrayList<>(current.groupIds());
			groupIds.add(added.id());
			staff.update(id(), member.id(), new StaffMembers.Profile(current.displayName(), current.email(),
					current.roles(), current.maxChats(), current.enabled(), groupIds));
		}
		return added;
	}

	/** An organization whose group has {@code agents} agents of {@code capacity} chats each and a queue limit. */
	public static TestTenant create(ApplicationContext context, int agents, int capacity, int queueLimit) {
		Organizations organizations = context.getBean(Organizations.class);
		Groups groups = context.getBean(Groups.class);
		StaffMembers staff = context.getBean(StaffMembers.class);
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
		Organization org = organizations.create(slug, "Test " + slug, "Asia/Shanghai");
		BusinessGroup group = groups.createGroup(org.id(), groups.createCenter(org.id(), "Center").id(), "General",
				queueLimit, OfflinePolicy.KEEP, Duration.ZERO);
		List<Agent> created = new ArrayList<>();
		for (int i = 1; i <= agents; i++) {
			String username = slug + "-agent" + i;
			String name = "Agent " + i;
			UUID id = staff.create(org.id(), username, PASSWORD,
					new StaffMembers.Profile(name, null, Set.of(Role.AGENT), capacity, true, List.of(group.id())))
				.id();
			created.add(new Agent(id, username, name));
		}
		String admin = slug + "-admin";
		staff.create(org.id(), admin, PASSWORD,
				new StaffMembers.Profile("Admin", null, Set.of(Role.ADMIN, Role.SUPERVISOR), 1, true, List.of()));
		return new TestTenant(org, group, List.copyOf(created), admin);
	}

	public static TestTenant create(ApplicationContext context, int agents, int capacity) {
		return create(context, agents, capacity, 50);
	}
}
